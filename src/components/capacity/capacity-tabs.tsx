import { SectionTabs } from "@/components/ui/section-tabs";

export function CapacityTabs() {
  return (
    <SectionTabs
      label="Capacity"
      tabs={[
        { href: "/capacity", label: "Energy", exact: true },
        { href: "/capacity/plan", label: "Capacity plan" },
        { href: "/capacity/calendar", label: "Calendar" },
      ]}
    />
  );
}
