import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names; it does not merge them. Two utilities that set one property on one element
 * would be decided by the order of Tailwind's CSS, not the markup's, so the source has none
 * (src/test/class-conflicts.unit.test.ts finds them). A primitive's default that a caller may
 * override is written `base:` (zero specificity, globals.css), and any plain utility wins over it.
 * tailwind-merge did this at run time, for 8.5 kB of script on every page.
 */
export function cn(...inputs: ClassValue[]) {
  return clsx(inputs);
}
