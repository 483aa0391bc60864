import type { Metadata } from "next";
import { PeopleImport } from "@/components/people/people-import";
import { PeopleTabs } from "@/components/people/people-tabs";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import people" };

export default function ImportPage() {
  return (
    <>
      <PageHeader title="Import people" description="From a CSV file: checked row by row before anything is saved." />
      <PeopleTabs />
      <PeopleImport />
    </>
  );
}
