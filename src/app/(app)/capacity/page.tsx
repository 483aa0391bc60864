import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Capacity" };

export default function CapacityPage() {
  return (
    <NotBuiltYet
      title="Capacity"
      purpose="Your own capacity: plan below it, and learn what drains and restores your energy."
      features={[
        "Log your energy at the start, middle and end of each day, with what you did",
        "A weekly review of which activities drain you and which energise you",
        "A capacity plan per week that keeps a buffer for the unexpected",
      ]}
    />
  );
}
