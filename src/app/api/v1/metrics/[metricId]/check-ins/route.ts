import { pushCheckIn, unavailableOrThrow } from "@/server/api/rest/push-check-in";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** The REST endpoint for monitoring and CI; see src/server/api/rest/push-check-in.ts. */
export async function POST(request: Request, { params }: { params: Promise<{ metricId: string }> }) {
  const { metricId } = await params;
  try {
    return await pushCheckIn(await getDb(), request, metricId);
  } catch (error) {
    return unavailableOrThrow(error);
  }
}
