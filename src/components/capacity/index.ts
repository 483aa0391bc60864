// What other domain folders of src/components may use from capacity/ (the lint rule
// import/no-restricted-paths lets them import this file and nothing else of the folder).
export { CapacityBar } from "./capacity-bar";
export { HomeEnergy } from "./home-energy";
