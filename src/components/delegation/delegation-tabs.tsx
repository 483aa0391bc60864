import { SectionTabs } from "@/components/ui/section-tabs";

export function DelegationTabs() {
  return (
    <SectionTabs
      label="Delegation"
      tabs={[
        { href: "/delegation", label: "Across reports", exact: true },
        { href: "/delegation/mine", label: "Delegated to me" },
        { href: "/delegation/poker", label: "Poker" },
        { href: "/delegation/spectrum", label: "Spectrum" },
      ]}
    />
  );
}
