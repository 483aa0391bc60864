import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { useTestDatabase } from "@/test/database";
import { anonymousCaller, createUser, TEST_PASSWORD } from "@/test/factories";
import { resolveSession } from "../../services/account/sessions";
import { signInWithPassword } from "../../services/account/accounts.write";
import { eq, like, or } from "drizzle-orm";
import { rateLimits } from "@/server/db/schema";
import { PASSWORD_CHECK_LIMIT } from "@/lib/sign-in-throttle";

const database = useTestDatabase();

describe("account router", () => {
  it("me answers the caller's account and UNAUTHORIZED without a session", async () => {
    const user = await createUser(database.current.db);
    await expect(user.caller.account.me()).resolves.toMatchObject({ id: user.id, email: user.email });
    await expect(anonymousCaller(database.current.db).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("updateProfile saves a name and time zone, and rejects an unknown zone with a field error", async () => {
    const user = await createUser(database.current.db);
    await expect(user.caller.account.updateProfile({ name: "Renamed", timeZone: "Europe/Berlin", version: 1 })).resolves.toMatchObject({
      name: "Renamed",
      timeZone: "Europe/Berlin",
    });
    const bad = user.caller.account.updateProfile({ name: "Renamed again", timeZone: "Mars/Olympus", version: 2 });
    await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Nothing already saved was lost.
    await expect(user.caller.account.me()).resolves.toMatchObject({ name: "Renamed", timeZone: "Europe/Berlin" });
  });

  it("changePassword needs the current password, as a field error", async () => {
    const user = await createUser(database.current.db);
    const attempt = user.caller.account.changePassword({
      currentPassword: "not the password",
      newPassword: "brand new password",
      confirmPassword: "brand new password",
    });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Current password is incorrect." });
  });

  it(`changePassword and delete refuse after ${PASSWORD_CHECK_LIMIT} wrong current passwords, even the right one`, async () => {
    const user = await createUser(database.current.db);
    const change = (currentPassword: string) =>
      user.caller.account.changePassword({ currentPassword, newPassword: "brand new password", confirmPassword: "brand new password" });
    for (let i = 0; i < PASSWORD_CHECK_LIMIT; i++) {
      await expect(change(`guess ${i}`)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Current password is incorrect." });
    }
    await expect(change(TEST_PASSWORD)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many wrong passwords. Try again in 15 minutes.",
    });
    // One counter per user for both checks: deleting the account is no way around it.
    await expect(user.caller.account.delete({ password: TEST_PASSWORD })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(user.caller.account.me()).resolves.toMatchObject({ id: user.id });
    // Another user is not affected.
    const other = await createUser(database.current.db);
    await expect(other.caller.account.delete({ password: "not it" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a right current password clears the count of wrong ones", async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < PASSWORD_CHECK_LIMIT - 1; i++) {
      await expect(user.caller.account.delete({ password: `guess ${i}` })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await user.caller.account.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: "brand new password",
      confirmPassword: "brand new password",
    });
    const rows = await database.current.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `password-check:${user.id}`));
    expect(rows).toEqual([]);
  });

  it("deleting the account forgets its sign-in and password-check counters", async () => {
    const user = await createUser(database.current.db);
    await signInWithPassword(database.current.db, { email: user.email, password: "wrong pw" }, "10.3.0.1", { sleep: async () => {} });
    await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, "10.3.0.2", { sleep: async () => {} });
    await expect(user.caller.account.delete({ password: "not it" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const left = () =>
      database.current.db
        .select()
        .from(rateLimits)
        .where(or(like(rateLimits.key, `%${user.email}%`), like(rateLimits.key, `%${user.id}%`)));
    expect((await left()).length).toBeGreaterThanOrEqual(3);
    await user.caller.account.delete({ password: TEST_PASSWORD });
    expect(await left()).toEqual([]);
  });

  it("changePassword rejects a mismatched confirmation", async () => {
    const user = await createUser(database.current.db);
    await expect(
      user.caller.account.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: "brand new password",
        confirmPassword: "brand new passwort",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("changePassword ends every session and the new password works", async () => {
    const user = await createUser(database.current.db);
    const second = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, null);
    if (!second.ok) throw new Error("sign-in failed");
    await user.caller.account.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: "brand new password",
      confirmPassword: "brand new password",
    });
    for (const sessionId of [user.actor.sessionId, second.sessionId]) {
      for (const sessionVersion of [1, 2]) {
        expect(await resolveSession(database.current.db, { userId: user.id, sessionId, sessionVersion })).toBeNull();
      }
    }
    const old = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, null);
    expect(old.ok).toBe(false);
    const fresh = await signInWithPassword(database.current.db, { email: user.email, password: "brand new password" }, null);
    expect(fresh).toMatchObject({ ok: true, sessionVersion: 2 });
  });

  it("over HTTP, errors carry field messages for forms", async () => {
    const user = await createUser(database.current.db);
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/account.updateProfile", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { name: "", timeZone: "Mars/Olympus", version: 1 } }),
      }),
      router: appRouter,
      createContext: async () => ({ db: database.current.db, actor: user.actor }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.json.data.fieldErrors).toEqual({ name: "Enter your name.", timeZone: "Unknown time zone." });
    expect(body.error.json.data).not.toHaveProperty("stack");
  });
});
