import { afterEach, describe, expect, it } from "vitest";
import { TOKEN_REQUESTS_PER_MINUTE } from "@/lib/validators/api-tokens";
import { tokenRequestsPerMinute } from "./token-allowance";

describe("a token's allowance per minute", () => {
  afterEach(() => {
    delete process.env.API_TOKEN_REQUESTS_PER_MINUTE;
  });

  it("is the default unless the environment names a positive whole number", () => {
    expect(tokenRequestsPerMinute()).toBe(TOKEN_REQUESTS_PER_MINUTE);
    for (const bad of ["", "0", "-5", "1.5", "lots"]) {
      process.env.API_TOKEN_REQUESTS_PER_MINUTE = bad;
      expect(tokenRequestsPerMinute()).toBe(TOKEN_REQUESTS_PER_MINUTE);
    }
    process.env.API_TOKEN_REQUESTS_PER_MINUTE = "600";
    expect(tokenRequestsPerMinute()).toBe(600);
  });
});
