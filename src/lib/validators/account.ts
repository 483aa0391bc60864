import { z } from "zod";
import { canonicalTimeZone } from "../time-zone";
import { PASSWORD_MIN } from "./password-rules";
import { singleLine, versionField } from "./common";

// Shared by the forms (react-hook-form's zod resolver) and the server (server
// actions and tRPC inputs), so a message shown next to a field is the same
// wherever the check ran.

// In a module of its own so the sign-up page can show it without loading zod.
export { PASSWORD_MIN };
// argon2 hashes whatever it is given: bound the work an attacker can ask for.
export const PASSWORD_MAX = 200;

export const emailField = singleLine({ label: "Email", max: 254, required: "Enter your email." })
  .toLowerCase()
  .pipe(z.email("Enter a valid email address."));

export const nameField = singleLine({ label: "Name", max: 100, required: "Enter your name." });

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export function isValidTimeZone(value: string): boolean {
  return canonicalTimeZone(value) !== null;
}

/** A time zone this runtime knows, saved in its canonical spelling ("europe/berlin" as "Europe/Berlin"). */
export const timeZoneField = singleLine({ label: "Time zone", max: 64, required: "Choose a time zone." })
  .refine(isValidTimeZone, "Unknown time zone.")
  .transform((value) => canonicalTimeZone(value)!);

export const signUpInput = z.object({
  name: nameField,
  email: emailField,
  password: newPasswordField,
});
export type SignUpInput = z.input<typeof signUpInput>;

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX, "Incorrect email or password."),
});
export type SignInInput = z.input<typeof signInInput>;

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** The profile form's fields; the update also names the version the form was loaded at. */
export const profileFields = z.object({
  name: nameField,
  timeZone: timeZoneField,
});
export type ProfileValues = z.input<typeof profileFields>;
export const updateProfileInput = profileFields.extend({ version: versionField });
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string") return "/";
  let path = value;
  // Auth.js and older links may pass a full URL of this site: keep its path.
  if (/^https?:\/\//i.test(path)) {
    try {
      const url = new URL(path);
      path = url.pathname + url.search + url.hash;
    } catch {
      return "/";
    }
  }
  // Browsers drop tabs and newlines and treat "\\" as "/" when they parse a URL,
  // so "/<TAB>/evil.example" would become "//evil.example": refuse them all.
  if (!path.startsWith("/") || /[\u0000-\u0020\\]/.test(path) || path.startsWith("//")) return "/";
  const resolved = new URL(path, "http://intersect.invalid");
  if (resolved.origin !== "http://intersect.invalid") return "/";
  if (path.startsWith("/sign-in") || path.startsWith("/sign-up") || path.startsWith("/api/")) return "/";
  return path;
}

export const deleteAccountInput = z.object({ password: z.string().min(1, "Enter your password to confirm.").max(1_000) });
export const exportInput = z.object({ includePrivate: z.boolean().default(false) });
