import { Construction } from "lucide-react";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "./page-header";

/** A section that is planned but not built: says so plainly, and what it will do. */
export function NotBuiltYet({ title, purpose, features }: { title: string; purpose: string; features: string[] }) {
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <Card>
        <CardBody className="flex gap-4">
          <Construction aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-warning" />
          <div>
            <p className="font-medium">This section is not built yet.</p>
            <p className="mt-1 text-sm text-muted">Nothing here works today. When it lands, it will let you:</p>
            <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-muted">
              {features.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        </CardBody>
      </Card>
    </>
  );
}
