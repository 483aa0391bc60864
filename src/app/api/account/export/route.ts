import { accountExportResponse } from "@/server/api/rest/account-export";
import { unavailableOrThrow } from "@/server/api/rest/push-check-in";
import { getCurrentSession } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { withApiHeaders } from "@/server/http/response-headers";

export const dynamic = "force-dynamic";

/**
 * The signed-in account's export as a download (`?includePrivate=true` adds
 * the user's own private notes); see src/server/api/rest/account-export.ts.
 */
export async function GET(request: Request) {
  return withApiHeaders(request, await answer(request));
}

async function answer(request: Request): Promise<Response> {
  // Only the app's own pages ask for it: another site cannot start a download of the user's data.
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return Response.json({ error: { message: "Cross-site requests cannot export data." } }, { status: 403 });
  }
  try {
    const [db, session] = await Promise.all([getDb(), getCurrentSession()]);
    if (!session) return Response.json({ error: { message: "Sign in to export your data." } }, { status: 401 });
    return await accountExportResponse(db, session.actor, new URL(request.url).searchParams.get("includePrivate") === "true");
  } catch (error) {
    return unavailableOrThrow(error);
  }
}
