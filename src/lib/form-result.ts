/**
 * What a form's server action answers when it does not redirect: field errors shown next to their
 * fields, anything else as one form-level message. Shared by the actions (src/server/auth/actions.ts)
 * and the forms that call them (src/components/auth/), which may not import the server.
 */
export type FormResult = { error?: string; fieldErrors?: Record<string, string> } | undefined;

/** The sign-in and sign-up actions, as the pages hand them to their forms. */
export type CredentialsAction<Values> = (values: Values, callbackUrl?: string) => Promise<FormResult>;

/** The sign-out action: ends this session and goes to `redirectTo` (a /sign-in path). */
export type SignOutAction = (redirectTo?: string) => Promise<void>;
