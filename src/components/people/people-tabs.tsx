import { SectionTabs } from "@/components/ui/section-tabs";

export function PeopleTabs() {
  return (
    <SectionTabs
      label="People"
      tabs={[
        { href: "/people", label: "People", exact: true },
        { href: "/people/org", label: "Org chart" },
        { href: "/people/areas", label: "Areas" },
        { href: "/people/import", label: "Import" },
      ]}
    />
  );
}
