// fs-native-extensions ships no types; only the call Intersect uses is declared.
declare module "fs-native-extensions" {
  /** An exclusive (or, with shared, a shared) advisory lock on the open file; false when another descriptor holds it. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
}
