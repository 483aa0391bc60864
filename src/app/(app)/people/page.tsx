import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "People" };

export default function PeoplePage() {
  return (
    <NotBuiltYet
      title="People"
      purpose="The managers and senior engineers in your organisation."
      features={[
        "Add people on the manager and IC tracks, with their level and who they report to",
        "See your org chart, and the areas each EM + staff engineer pair oversees",
        "Import and export people as CSV, or load a demo organisation",
      ]}
    />
  );
}
