import { describe, expect, it } from "vitest";
import { appHosts, crossSiteRefusal, pageWriteRefusal } from "./cross-site";

const base = {
  method: "POST",
  hosts: ["intersect.example"],
  origin: "https://intersect.example",
  secFetchSite: "same-origin",
  contentType: "application/json",
};

describe("cross-site refusal", () => {
  it("lets the app's own JSON mutations and every read through", () => {
    expect(crossSiteRefusal(base)).toBeNull();
    expect(crossSiteRefusal({ ...base, origin: null, secFetchSite: null })).toBeNull(); // a script or curl, with its own cookie
    expect(
      crossSiteRefusal({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site", contentType: null }),
    ).toBeNull();
    expect(crossSiteRefusal({ ...base, contentType: "application/json; charset=utf-8" })).toBeNull();
    // An uploaded file's bytes (the account import): not a type a foreign form can send without a preflight.
    expect(crossSiteRefusal({ ...base, contentType: "application/octet-stream" })).toBeNull();
    expect(crossSiteRefusal({ ...base, origin: "https://evil.example", contentType: "application/octet-stream" })?.status).toBe(403);
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

describe("server actions posted to a page (sign-in, sign-up, sign-out)", () => {
  const action = { method: "POST", hosts: ["intersect.example"], origin: "https://intersect.example", secFetchSite: "same-origin" };

  it("lets the app's own actions (text/plain or multipart bodies) and every read through", () => {
    expect(pageWriteRefusal(action)).toBeNull();
    expect(pageWriteRefusal({ ...action, origin: null, secFetchSite: null })).toBeNull();
    expect(pageWriteRefusal({ ...action, secFetchSite: "none" })).toBeNull();
    expect(pageWriteRefusal({ ...action, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" })).toBeNull();
  });

  it("answers 403 to one from another origin or site, which Next would answer with a 500", () => {
    expect(pageWriteRefusal({ ...action, origin: "https://evil.example" })).toEqual({
      status: 403,
      reason: "Requests from another origin cannot change data.",
    });
    expect(pageWriteRefusal({ ...action, origin: "https://evil.example", secFetchSite: null })?.status).toBe(403);
    expect(pageWriteRefusal({ ...action, origin: "null", secFetchSite: null })?.status).toBe(403);
    expect(pageWriteRefusal({ ...action, secFetchSite: "cross-site" })?.status).toBe(403);
    expect(pageWriteRefusal({ ...action, method: "put", secFetchSite: "same-site" })?.status).toBe(403);
  });

  it("knows the app's hosts from Host, x-forwarded-host and the public URL", () => {
    const headers = new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "proxy.example" });
    expect(appHosts(headers, "https://intersect.example/base")).toEqual(["127.0.0.1:3000", "proxy.example", "intersect.example"]);
    expect(appHosts(new Headers(), "not a url")).toEqual([null, null, null]);
    expect(pageWriteRefusal({ ...action, hosts: appHosts(headers, undefined), origin: "http://127.0.0.1:3000" })).toBeNull();
  });
});
