// npm run seed:demo -- --email E --password P [--name N]
// Creates that account with the demo organisation, on the embedded database
// (DATA_DIR) or on DATABASE_URL. Refuses, changing nothing, when the email is taken.
import { parseArgs } from "node:util";
import { openDatabase } from "../server/db/factory";
import { createAccount, signInWithPassword } from "../server/services/account/accounts.write";
import { loadDemoOrganisation } from "../server/services/demo/org.write";
import { AppError } from "../server/services/kernel/errors";
import { memberActor } from "../server/services/members/memberships.read";

const { values } = parseArgs({
  options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
});
if (!values.email || !values.password) {
  console.error("Usage: npm run seed:demo -- --email you@example.com --password 'a long password' [--name 'Your Name']");
  process.exit(2);
}

const database = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || ".data",
});
let exitCode = 0;
try {
  await database.migrate();
  // One transaction: a failure part-way leaves no account behind.
  const { account, demo } = await database.db.transaction(async (tx) => {
    const account = await createAccount(tx, { name: values.name ?? "Demo Director", email: values.email!, password: values.password! });
    const demo = await loadDemoOrganisation(tx, (await memberActor(tx, account.id, "cli"))!);
    return { account, demo };
  });
  // Proves the password works the way the sign-in page will check it.
  const check = await signInWithPassword(database.db, { email: values.email, password: values.password }, null);
  if (!check.ok) throw new Error("the new account could not sign in");
  console.log(`Created ${account.email} with the demo organisation: ${demo.people} people, ${demo.areas} areas.`);
} catch (error) {
  exitCode = 1;
  if (error instanceof AppError) console.error(`Nothing changed: ${error.message}`);
  else if ((error as { name?: string }).name === "ZodError") {
    console.error(`Nothing changed: ${(error as { issues: { message: string }[] }).issues.map((i) => i.message).join(" ")}`);
  } else console.error("Nothing changed:", error instanceof Error ? error.message : error);
} finally {
  await database.close();
}
process.exit(exitCode);
