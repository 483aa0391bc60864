import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "1:1s" };

export default function OneOnOnesPage() {
  return (
    <NotBuiltYet
      title="1:1s"
      purpose="Prepare for each 1:1 in under a minute."
      features={[
        "Talking points and action items that carry over until they are done",
        "Coaching notes and feedback, and each person's leadership growth goals",
        "A prep page that shows what changed since the last 1:1",
      ]}
    />
  );
}
