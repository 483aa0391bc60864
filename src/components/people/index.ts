// What other domain folders of src/components may use from people/ (the lint rule
// import/no-restricted-paths lets them import this file and nothing else of the folder).
export { useLevelLabel } from "./use-ladder";
export { PersonPicker, type PickedPerson } from "./person-picker";
