/**
 * @deprecated Kept while one-on-ones' prep imports `latestValues` from here:
 * import it from ./targets.read. Delete once nothing imports this file.
 */
export { latestValues } from "./targets.read";
