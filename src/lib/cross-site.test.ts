import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./cross-site";

const base = { method: "POST", hosts: ["intersect.example"], origin: "https://intersect.example", secFetchSite: "same-origin", contentType: "application/json" };

describe("cross-site refusal", () => {
  it("lets the app's own JSON mutations and every read through", () => {
    expect(crossSiteRefusal(base)).toBeNull();
    expect(crossSiteRefusal({ ...base, origin: null, secFetchSite: null })).toBeNull(); // a script or curl, with its own cookie
    expect(crossSiteRefusal({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site", contentType: null })).toBeNull();
    expect(crossSiteRefusal({ ...base, contentType: "application/json; charset=utf-8" })).toBeNull();
    // Behind a proxy that rewrites Host, the public host comes from AUTH_URL.
    expect(crossSiteRefusal({ ...base, hosts: ["127.0.0.1:3000", "intersect.example"] })).toBeNull();
  });
  it("refuses another origin, a cross-site fetch, and the content types a foreign form can send", () => {
    expect(crossSiteRefusal({ ...base, origin: "https://evil.example" })?.status).toBe(403);
    expect(crossSiteRefusal({ ...base, origin: "null" })?.status).toBe(403);
    expect(crossSiteRefusal({ ...base, secFetchSite: "cross-site" })?.status).toBe(403);
    expect(crossSiteRefusal({ ...base, secFetchSite: "same-site" })?.status).toBe(403);
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null]) {
      expect(crossSiteRefusal({ ...base, contentType })?.status).toBe(415);
    }
  });
});
