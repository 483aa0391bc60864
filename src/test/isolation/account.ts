import { TEST_PASSWORD } from "../factories";
import type { CaseTable } from "./types";

export const accountCases: CaseTable = {
  "account.me": {
    kind: "self",
    why: "takes no ids: reads the caller's own account",
    call: async (b, bUser) => {
      const me = await b.account.me();
      if (me.id !== bUser.id) throw new Error("account.me answered with someone else's account");
    },
  },
  "account.updateProfile": {
    kind: "self",
    why: "takes no ids: changes the caller's own name and time zone",
    call: (b) => b.account.updateProfile({ name: "Intruder", timeZone: "Asia/Tokyo" }),
  },
  "account.changePassword": {
    kind: "self",
    why: "takes no ids: changes the caller's own password",
    call: (b) =>
      b.account.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: "intruder-password",
        confirmPassword: "intruder-password",
      }),
  },
};
