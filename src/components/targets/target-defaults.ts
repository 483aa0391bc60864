import type { CreateTargetInput } from "@/lib/validators/targets";

/** A new target's form values: active, reliability, due in three months. Apart from target-form.tsx so a page can have them before the form loads. */
export function defaultTargetValues(today = new Date()): CreateTargetInput {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const due = new Date(today);
  due.setUTCMonth(due.getUTCMonth() + 3);
  return {
    title: "",
    description: "",
    kind: "reliability",
    status: "active",
    areaId: null,
    ownerIds: [],
    sharedWithOrg: false,
    startDate: iso(today),
    dueDate: iso(due),
  };
}
