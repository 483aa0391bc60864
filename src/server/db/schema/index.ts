// Every table of the app, re-exported for drizzle's relational queries and drizzle-kit.
export * from "./users";
export * from "./organisations";
export * from "./members";
export * from "./people";
export * from "./targets";
export * from "./delegation";
export * from "./one-on-ones";
export * from "./capacity";
export * from "./handovers";
export * from "./inbox";
export * from "./calendar-feeds";
export * from "./calendar";
export * from "./integrations";
