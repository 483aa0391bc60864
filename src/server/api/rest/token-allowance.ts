import { positiveIntegerOr } from "@/lib/positive-integer";
import { TOKEN_REQUESTS_PER_MINUTE } from "@/lib/validators/api-tokens";

/**
 * The REST API's allowance per token and minute: TOKEN_REQUESTS_PER_MINUTE, or
 * API_TOKEN_REQUESTS_PER_MINUTE from the environment (an operator whose
 * monitoring pushes more often; the database-restart check writes far faster).
 * The settings page shows the same number.
 */
export function tokenRequestsPerMinute(): number {
  return positiveIntegerOr(process.env.API_TOKEN_REQUESTS_PER_MINUTE, TOKEN_REQUESTS_PER_MINUTE);
}
