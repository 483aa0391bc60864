import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Delegation" };

export default function DelegationPage() {
  return (
    <NotBuiltYet
      title="Delegation"
      purpose="How much control you keep on each task, and whether it matches the person's competency."
      features={[
        "Choose a delegation level per task on a spectrum (tell, sell, consult, agree, advise, inquire, delegate)",
        "See the level that competency and criticality suggest, with the reason",
        "Review each report: where you hold too much control, and where too little",
      ]}
    />
  );
}
