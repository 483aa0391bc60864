import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Targets" };

export default function TargetsPage() {
  return (
    <NotBuiltYet
      title="Targets"
      purpose="What each pair is aiming at, and whether they are on track."
      features={[
        "Set shared targets for an EM + staff engineer pair",
        "Measure them with metrics such as uptime, P99 latency or error rate, with check-ins and trend charts",
        "Push metric values from monitoring or CI with a personal API token",
      ]}
    />
  );
}
