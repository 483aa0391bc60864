import type { CreatePersonInput } from "@/lib/validators/people";

/** A new person's form values; apart from person-form.tsx so the add dialog has them before the form loads. */
export const EMPTY_PERSON: CreatePersonInput = {
  name: "",
  email: "",
  title: "",
  track: "manager",
  level: "em",
  managerId: null,
  leads: "",
  cadence: "fortnightly",
  cadenceDays: null,
  startDate: "",
  notes: "",
};
