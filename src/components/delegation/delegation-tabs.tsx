import { SectionTabs } from "@/components/ui/section-tabs";

export function DelegationTabs() {
  return (
    <SectionTabs
      label="Delegation"
      tabs={[
        { href: "/delegation", label: "Across reports", exact: true },
        { href: "/delegation/spectrum", label: "Spectrum" },
      ]}
    />
  );
}
