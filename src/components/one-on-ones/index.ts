// What other domain folders of src/components may use from one-on-ones/ (the lint rule
// import/no-restricted-paths lets them import this file and nothing else of the folder).
export { PersonOneOnOneSummary } from "./person-summary";
export { useAddPoint } from "./mutations";
