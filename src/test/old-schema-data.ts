import { insertRow } from "./migrations";

/**
 * Rows in the schema before drizzle/0010_organisations.sql (every tenant row
 * under owner_id = the user's id), written in SQL with the old column names:
 * the app's code no longer knows that schema. Covers every table.
 *
 * - Dana: the demo organisation's shape (the loader of commit 3cf35ca): three
 *   levels of people, the directs with manager_id null ("reports to me"), an
 *   archived direct, areas, targets with owners, metrics and check-ins, two
 *   spectrums, tasks and level changes, 1:1s with talking points, action
 *   items, growth goals and coaching notes (private and not), the personal
 *   tables, API tokens, custom ladder labels and people.notes.
 * - Bea: her own edits, one of her people has her own email (so the person made
 *   for her at the top cannot take it), and rows on the same days and weeks as
 *   Dana's (the personal tables' keys gain user_id).
 * - Cal: an account with nothing in it.
 */

type Query = (text: string, params: unknown[]) => Promise<unknown[]>;

/** A fixed uuid per number, so the fixture's rows are easy to find afterwards. */
export const uid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const DANA = uid(1);
export const BEA = uid(2);
export const CAL = uid(3);

const DEMO: [key: string, name: string, track: string, level: string, manager: string | null][] = [
  ["priya", "Priya Raman", "manager", "senior_em", null],
  ["tom", "Tom Okafor", "manager", "em", null],
  ["lena", "Lena Fischer", "manager", "em", null],
  ["marcus", "Marcus Chen", "ic", "principal", null],
  ["sofia", "Sofia Alvarez", "ic", "staff", null],
  ["david", "David Kim", "ic", "senior_staff", null],
  ["amara", "Amara Nwosu", "manager", "em", "priya"],
  ["jonas", "Jonas Berg", "ic", "senior", "priya"],
  ["mei", "Mei Tanaka", "ic", "senior", "amara"],
  ["omar", "Omar Haddad", "ic", "senior", "amara"],
  ["grace", "Grace Liu", "ic", "staff", "amara"],
  ["ravi", "Ravi Patel", "ic", "senior", "tom"],
  ["ella", "Ella Morris", "ic", "senior", "tom"],
  ["kenji", "Kenji Watanabe", "ic", "senior", "tom"],
  ["nadia", "Nadia Petrova", "ic", "senior", "lena"],
  ["sam", "Sam Taylor", "ic", "senior", "lena"],
  ["ines", "Inês Costa", "ic", "staff", "lena"],
  ["former", "Former Direct", "ic", "senior", null],
];

export async function insertOldData(query: Query): Promise<void> {
  const row = (table: string, values: Record<string, unknown>) => insertRow(query, table, values);
  const at = (day: string) => `${day}T09:30:00.000Z`;

  // Users, with the ladder labels that move to their organisation.
  await row("users", {
    id: DANA,
    name: "Dana Director",
    email: "dana@example.com",
    password_hash: "$argon2id$v=19$m=19456,t=2,p=1$fake$fake",
    session_version: 3,
    time_zone: "Europe/Berlin",
    created_at: at("2026-01-05"),
    updated_at: at("2026-02-01"),
    ladder_labels: JSON.stringify({ director: "Head of Engineering", em: "Team Lead" }),
    profile_version: 4,
    ladder_version: 3,
  });
  await row("users", {
    id: BEA,
    name: "Bea Builder",
    email: "bea@example.com",
    password_hash: "$argon2id$v=19$m=19456,t=2,p=1$fake$bea",
    created_at: at("2026-01-06"),
    updated_at: at("2026-01-06"),
  });
  await row("users", { id: CAL, name: "Cal Empty", email: "cal@example.com", password_hash: "x", created_at: at("2026-01-07") });
  await row("auth_sessions", { id: uid(10), user_id: DANA, session_version: 3, created_at: at("2026-02-01") });
  await row("rate_limits", { key: "sign-in:dana@example.com", points: 2, expire: at("2026-03-01") });

  // Dana's people: ids 100…
  const person: Record<string, string> = {};
  DEMO.forEach(([key], i) => (person[key] = uid(100 + i)));
  for (const [i, [key, name, track, level, manager]] of DEMO.entries()) {
    await row("people", {
      id: person[key],
      owner_id: DANA,
      name,
      email: key === "priya" ? "priya@example.com" : null,
      title: track === "manager" ? "Engineering Manager" : "Engineer",
      track,
      level,
      manager_id: manager ? person[manager] : null,
      leads: key === "amara" ? "Checkout team" : null,
      cadence: manager ? "fortnightly" : "weekly",
      cadence_days: key === "omar" ? 10 : null,
      start_date: "2022-04-04",
      // Notes that move to person_notes, and blank ones that do not.
      notes:
        key === "priya" ? "Ready for senior director conversations." : key === "mei" ? "Wants to mentor." : key === "tom" ? "   " : null,
      archived_at: key === "former" ? at("2026-01-20") : null,
      created_at: at("2026-01-05"),
      updated_at: `2026-01-${String(10 + (i % 15)).padStart(2, "0")}T10:00:00.000Z`,
      version: 1 + (i % 3),
    });
  }

  await row("areas", {
    id: uid(200),
    owner_id: DANA,
    name: "Payments platform",
    description: "Ledger.",
    em_person_id: person.priya,
    ic_person_id: person.marcus,
  });
  await row("areas", { id: uid(201), owner_id: DANA, name: "Search", em_person_id: person.tom, ic_person_id: person.sofia });
  await row("areas", { id: uid(202), owner_id: DANA, name: "Core infrastructure", em_person_id: null, ic_person_id: null });

  await row("targets", {
    id: uid(300),
    owner_id: DANA,
    title: "Checkout p95 under 300 ms",
    description: "Latency.",
    kind: "reliability",
    status: "active",
    area_id: uid(200),
    start_date: "2026-01-01",
    due_date: "2026-06-30",
    version: 2,
  });
  await row("targets", {
    id: uid(301),
    owner_id: DANA,
    title: "Ship search v2",
    kind: "delivery",
    status: "done",
    start_date: "2026-01-01",
    due_date: "2026-03-31",
  });
  await row("target_owners", { owner_id: DANA, target_id: uid(300), person_id: person.priya });
  await row("target_owners", { owner_id: DANA, target_id: uid(300), person_id: person.amara });
  await row("target_owners", { owner_id: DANA, target_id: uid(301), person_id: person.tom });

  await row("metrics", {
    id: uid(400),
    owner_id: DANA,
    target_id: uid(300),
    name: "p95",
    unit: "ms",
    direction: "lower",
    baseline: 450,
    goal: 300,
    warning: 400,
    position: 0,
  });
  await row("metrics", {
    id: uid(401),
    owner_id: DANA,
    target_id: uid(301),
    name: "Done",
    kind: "checkbox",
    done: true,
    position: 1,
    version: 3,
  });
  for (let i = 0; i < 5; i++) {
    await row("check_ins", {
      id: uid(500 + i),
      owner_id: DANA,
      metric_id: uid(400),
      at: at(`2026-02-0${i + 1}`),
      value: 450 - i * 20,
      note: i === 2 ? "deploy" : null,
    });
  }

  await row("spectrums", { id: uid(600), owner_id: DANA, name: "Seven levels", kind: "m30", active: true, version: 2 });
  await row("spectrums", { id: uid(601), owner_id: DANA, name: "Old three", kind: "custom", active: false });
  for (const [i, label] of ["Tell", "Agree", "Delegate"].entries()) {
    await row("spectrum_levels", {
      id: uid(610 + i),
      owner_id: DANA,
      spectrum_id: uid(600),
      position: i,
      label,
      meaning: `${label}.`,
      autonomy: i / 2,
    });
  }
  await row("spectrum_levels", { id: uid(620), owner_id: DANA, spectrum_id: uid(601), position: 0, label: "Do", autonomy: 0 });
  await row("tasks", {
    id: uid(700),
    owner_id: DANA,
    person_id: person.amara,
    target_id: uid(300),
    title: "Run the checkout incident review",
    competency: 3,
    criticality: 4,
    level_id: uid(611),
    review_date: "2026-03-01",
    version: 2,
  });
  await row("tasks", {
    id: uid(701),
    owner_id: DANA,
    person_id: person.mei,
    title: "Own the flaky test budget",
    competency: 2,
    criticality: 2,
    level_id: uid(610),
    status: "done",
  });
  await row("level_changes", { id: uid(710), owner_id: DANA, task_id: uid(700), to_label: "Tell", to_autonomy: 0, at: at("2026-01-10") });
  await row("level_changes", {
    id: uid(711),
    owner_id: DANA,
    task_id: uid(700),
    from_label: "Tell",
    from_autonomy: 0,
    to_label: "Agree",
    to_autonomy: 0.5,
    reason: "Went well",
    at: at("2026-02-10"),
  });

  await row("one_on_ones", {
    id: uid(800),
    owner_id: DANA,
    person_id: person.priya,
    scheduled_at: at("2026-02-02"),
    status: "held",
    held_at: at("2026-02-02"),
  });
  await row("one_on_ones", { id: uid(801), owner_id: DANA, person_id: person.priya, scheduled_at: at("2026-02-09") });
  await row("one_on_ones", { id: uid(802), owner_id: DANA, person_id: person.tom, scheduled_at: at("2026-02-03"), status: "cancelled" });
  await row("talking_points", {
    id: uid(810),
    owner_id: DANA,
    person_id: person.priya,
    topic: "growth",
    body: "Staff promo case",
    raised_by: "them",
    discussed_in_id: uid(800),
    discussed_at: at("2026-02-02"),
  });
  await row("talking_points", { id: uid(811), owner_id: DANA, person_id: person.priya, body: "Hiring plan", carried_over: 2, version: 2 });
  await row("growth_goals", {
    id: uid(820),
    owner_id: DANA,
    person_id: person.priya,
    title: "Lead a cross-org initiative",
    description: "Q2",
  });
  await row("growth_goals", { id: uid(821), owner_id: DANA, person_id: person.mei, title: "Public speaking", status: "achieved" });
  await row("coaching_notes", {
    id: uid(830),
    owner_id: DANA,
    person_id: person.priya,
    one_on_one_id: uid(800),
    goal_id: uid(820),
    kind: "sbi",
    situation: "Planning",
    behaviour: "Framed the trade-offs",
    impact: "Faster decision",
    body: "",
    private: false,
  });
  await row("coaching_notes", {
    id: uid(831),
    owner_id: DANA,
    person_id: person.tom,
    kind: "note",
    body: "Seems tired, ask about on-call",
    private: true,
    version: 2,
  });
  await row("action_items", {
    id: uid(840),
    owner_id: DANA,
    person_id: person.priya,
    one_on_one_id: uid(800),
    assignee: "them",
    title: "Draft the promo doc",
    due_date: "2026-02-20",
  });
  await row("action_items", {
    id: uid(841),
    owner_id: DANA,
    person_id: person.priya,
    assignee: "me",
    title: "Ask for budget",
    done_at: at("2026-02-05"),
    carried_over: 1,
  });

  // Dana's own days and weeks.
  await row("energy_entries", {
    id: uid(900),
    owner_id: DANA,
    day: "2026-02-02",
    slot: "morning",
    level: 4,
    tags: "{deep_work,meetings}",
    note: "good",
  });
  await row("energy_entries", { id: uid(901), owner_id: DANA, day: "2026-02-02", slot: "afternoon", level: 2 });
  await row("energy_days", { owner_id: DANA, day: "2026-02-02", productive_hours: 5.5 });
  await row("weekly_reviews", {
    owner_id: DANA,
    week_start: "2026-02-02",
    drains: "meetings",
    restores: "walks",
    change: "no-meeting Friday",
    version: 2,
  });
  await row("capacity_weeks", {
    owner_id: DANA,
    week_start: "2026-02-02",
    available_hours: 40,
    deep_work_cap_per_day: 3,
    buffer_percent: 20,
    one_on_one_minutes: 30,
  });
  await row("capacity_items", { id: uid(910), owner_id: DANA, title: "Planning", hours: 4, deep_work: true, week_start: "2026-02-02" });
  await row("capacity_items", {
    id: uid(911),
    owner_id: DANA,
    title: "Interviews",
    hours: 3,
    recurring: true,
    week_start: "2026-01-26",
    last_week: "2026-03-02",
    version: 2,
  });
  await row("api_tokens", {
    id: uid(920),
    owner_id: DANA,
    name: "laptop",
    token_hash: "hash-dana",
    prefix: "isk_dana",
    last_used_at: at("2026-02-03"),
    expires_at: at("2027-01-01"),
  });
  await row("api_tokens", {
    id: uid(921),
    owner_id: DANA,
    name: "old",
    token_hash: "hash-dana-old",
    prefix: "isk_old",
    revoked_at: at("2026-01-30"),
  });

  // Bea: ids 1000…; her person "Bea (me)" carries her own email.
  await row("people", {
    id: uid(1000),
    owner_id: BEA,
    name: "Bea (me)",
    email: "bea@example.com",
    track: "manager",
    level: "em",
    notes: "Myself, added by mistake",
  });
  await row("people", {
    id: uid(1001),
    owner_id: BEA,
    name: "Ada",
    track: "ic",
    level: "senior",
    manager_id: uid(1000),
    cadence: "monthly",
  });
  await row("people", { id: uid(1002), owner_id: BEA, name: "Linus", track: "ic", level: "mid", notes: "Prefers async" });
  await row("areas", { id: uid(1010), owner_id: BEA, name: "Payments platform", em_person_id: uid(1000) });
  await row("targets", {
    id: uid(1020),
    owner_id: BEA,
    title: "Bea's goal",
    kind: "delivery",
    area_id: uid(1010),
    start_date: "2026-01-01",
    due_date: "2026-12-31",
  });
  await row("target_owners", { owner_id: BEA, target_id: uid(1020), person_id: uid(1002) });
  await row("metrics", { id: uid(1030), owner_id: BEA, target_id: uid(1020), name: "Count", direction: "higher", goal: 10 });
  await row("check_ins", { id: uid(1031), owner_id: BEA, metric_id: uid(1030), at: at("2026-02-02"), value: 3 });
  await row("spectrums", { id: uid(1040), owner_id: BEA, name: "Mine", kind: "custom", active: true });
  await row("spectrum_levels", { id: uid(1041), owner_id: BEA, spectrum_id: uid(1040), position: 0, label: "All yours", autonomy: 1 });
  await row("tasks", {
    id: uid(1050),
    owner_id: BEA,
    person_id: uid(1001),
    title: "On-call rota",
    competency: 4,
    criticality: 1,
    level_id: uid(1041),
  });
  await row("level_changes", { id: uid(1051), owner_id: BEA, task_id: uid(1050), to_label: "All yours", to_autonomy: 1 });
  await row("one_on_ones", { id: uid(1060), owner_id: BEA, person_id: uid(1001), scheduled_at: at("2026-02-04") });
  await row("talking_points", { id: uid(1061), owner_id: BEA, person_id: uid(1001), body: "Career" });
  await row("growth_goals", { id: uid(1062), owner_id: BEA, person_id: uid(1001), title: "Design reviews" });
  await row("coaching_notes", { id: uid(1063), owner_id: BEA, person_id: uid(1001), kind: "praise", body: "Great review", private: true });
  await row("action_items", {
    id: uid(1064),
    owner_id: BEA,
    person_id: uid(1001),
    one_on_one_id: uid(1060),
    assignee: "me",
    title: "Book training",
  });
  // Same day, slot and weeks as Dana's.
  await row("energy_entries", { id: uid(1070), owner_id: BEA, day: "2026-02-02", slot: "morning", level: 3 });
  await row("energy_days", { owner_id: BEA, day: "2026-02-02", productive_hours: 6 });
  await row("weekly_reviews", { owner_id: BEA, week_start: "2026-02-02", drains: "context switches" });
  await row("capacity_weeks", {
    owner_id: BEA,
    week_start: "2026-02-02",
    available_hours: 32,
    deep_work_cap_per_day: 4,
    buffer_percent: 10,
    one_on_one_minutes: 45,
  });
  await row("capacity_items", { id: uid(1080), owner_id: BEA, title: "Roadmap", hours: 6, week_start: "2026-02-02" });
  await row("api_tokens", { id: uid(1090), owner_id: BEA, name: "ci", token_hash: "hash-bea", prefix: "isk_bea" });
}
