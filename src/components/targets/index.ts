// What other domain folders of src/components may use from targets/ (the lint rule
// import/no-restricted-paths lets them import this file and nothing else of the folder).
export { TargetsFor } from "./targets-for";
