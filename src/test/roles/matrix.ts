import { calendarMatrix } from "./calendar";
import { delegationSidesMatrix } from "./delegation-sides";
import { handoversMatrix } from "./handovers";
import { inboxMatrix } from "./inbox";
import { membersMatrix } from "./members";
import { oneOnOneMatrix } from "./one-on-ones";
import { peopleMatrix } from "./people";
import { personalMatrix } from "./personal";
import { targetsPairMatrix } from "./targets-pair";
import { targetsSloMatrix } from "./targets-slo";
import { targetsTreeMatrix } from "./targets-tree";
import type { Matrix } from "./types";
import { workMatrix } from "./work";

/**
 * The role matrix: for every procedure of the root router, one row or more
 * (a subject each) with the expected result for every role. A new procedure
 * fails the harness until it has its row here (or in the domain's file).
 */
export const MATRIX: Matrix = {
  ...peopleMatrix,
  ...workMatrix,
  ...targetsPairMatrix,
  ...delegationSidesMatrix,
  ...targetsTreeMatrix,
  ...targetsSloMatrix,
  ...oneOnOneMatrix,
  ...personalMatrix,
  ...membersMatrix,
  ...handoversMatrix,
  ...inboxMatrix,
  ...calendarMatrix,
};
