import type { Metadata } from "next";
import { InboxList } from "@/components/inbox/inbox-list";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  await getQueryClient().prefetchInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions({ unreadOnly: false }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  return (
    <HydrateClient>
      <PageHeader title="Inbox" description="What others did that concerns you: your 1:1s, the targets you share, your delegation." />
      <InboxList />
    </HydrateClient>
  );
}
