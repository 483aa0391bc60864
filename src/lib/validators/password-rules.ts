/** The shortest password accepted (checked in validators/account.ts, shown on the sign-up page). */
export const PASSWORD_MIN = 8;
