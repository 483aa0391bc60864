import { z } from "zod";
import { pageInput } from "@/lib/keyset";
import { id } from "./common";

// The inputs of the targets' paginated lists (issue #20): a metric's check-ins,
// the trees under the caller's own targets, and a folded branch of a tree.

/** A metric's check-ins, newest first, a page at a time. */
export const checkInsInput = z.object({ metricId: id(), ...pageInput });
/** The trees under the caller's own targets, a page of trees at a time. */
export const treesInput = z.object({ ...pageInput }).optional();
/** The sub-targets under a folded node of a tree. */
export const treeBranchInput = z.object({ id: id() });
