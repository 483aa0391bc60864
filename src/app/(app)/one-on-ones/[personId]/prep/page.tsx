import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Delegation, Targets } from "@/components/one-on-ones/prep-cards";
import { LazyMyPrepView } from "@/components/one-on-ones/lazy-my-prep-view";
import { PrepView } from "@/components/one-on-ones/prep-view";
import { prerenderMarkdown } from "@/components/ui/prerender-markdown";
import { PrerenderedMarkdown } from "@/components/ui/rendered-markdown";
import { fetchOrNotFound, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "1:1 prep" };

export default async function PrepPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  if (!z.uuid().safeParse(personId).success) notFound();
  const prep = await fetchOrNotFound(trpc.oneOnOnes.prep.queryOptions({ personId }));
  return (
    <HydrateClient>
      {/* The last 1:1's notes rendered here: the page hydrates without the markdown library. */}
      <PrerenderedMarkdown rendered={prerenderMarkdown(prep.lastNotes.map((n) => n.body))}>
        {/* The report's side has a prep page of its own. */}
        {prep.viewer === "report" ? (
          <LazyMyPrepView />
        ) : (
          <PrepView
            personId={personId}
            targets={<Targets targets={prep.targets} empty={`${prep.person.name} owns no active targets.`} />}
            delegation={<Delegation prep={prep} />}
          />
        )}
      </PrerenderedMarkdown>
    </HydrateClient>
  );
}
