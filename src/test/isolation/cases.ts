import { accountCases } from "./account";
import { capacityCases } from "./capacity";
import { delegationCases } from "./delegation";
import { memberCases } from "./members";
import { oneOnOneCases } from "./one-on-ones";
import { peopleCases } from "./people";
import { targetCases } from "./targets";
import type { CaseTable } from "./types";

/** Every protected procedure's cross-user case. A new router adds its file here. */
export const crossUserCases: CaseTable = {
  ...accountCases,
  ...peopleCases,
  ...targetCases,
  ...delegationCases,
  ...oneOnOneCases,
  ...capacityCases,
  ...memberCases,
};
