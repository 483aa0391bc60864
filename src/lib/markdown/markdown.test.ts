import { describe, expect, it } from "vitest";
import { micromark } from "micromark";
import { fromMarkdown } from "mdast-util-from-markdown";
import { inertMarkdown } from "./inert-markdown";
import { isRenderedUrl, safeUrl } from "./safe-url";
import { prepMarkdown, type PrepForExport } from "../one-on-ones/prep-markdown";

describe("safeUrl: the targets the app renders", () => {
  it("keeps web, mail, same-site paths and fragments", () => {
    for (const url of ["https://x.example/a?b#c", "http://x.example", "mailto:a@b.example", "/people/1", "#notes", "HTTPS://X"]) {
      expect(safeUrl(url)).toBe(url);
    }
  });
  it("refuses protocol-relative links and other schemes, however they are spelt", () => {
    for (const url of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      " //evil.example",
      "\u0001//evil.example",
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "relative/path",
    ]) {
      expect(safeUrl(url), url).toBe("");
      expect(isRenderedUrl(url), url).toBe(false);
    }
  });
});

/** Every link, image and definition target the app's parser finds. */
function targets(markdown: string): string[] {
  const out: string[] = [];
  const walk = (node: { url?: string; children?: unknown[] }) => {
    if (typeof node.url === "string") out.push(node.url);
    (node.children as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(fromMarkdown(markdown));
  return out;
}

/** The markdown as a viewer that allows raw HTML and any link would render it. */
function permissiveHtml(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });
}

function expectInert(markdown: string) {
  const html = permissiveHtml(markdown);
  expect(html).not.toMatch(/<(svg|script|img|iframe|a|div|style|object)\b[^>]*\bon\w+=/i);
  expect(html).not.toMatch(/<(svg|script|iframe|object|embed|style)\b/i);
  expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/(href|src)="\/\//i);
  for (const url of targets(markdown)) expect(isRenderedUrl(url), url).toBe(true);
}

const HOSTILE = [
  "[click](javascript:alert(1))",
  "[click]( javascript:alert(1) )",
  "[click](<javascript:alert(1)>)",
  "[click](javascript&#58;alert(1))",
  "[click](javascript\\:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  "[x](//evil.example)",
  "[x](/\\evil.example)",
  "![img](javascript:alert(1))",
  "![img](data:image/svg+xml,<svg onload=alert(1)>)",
  "[ref]\n\n[ref]: javascript:alert(1)",
  '[ref][r]\n\n   [r]: <data:text/html,x> "title"',
  "<javascript:alert(1)>",
  "<svg onload=alert(1)>",
  "<img src=x onerror=alert(1)>",
  "<div>\n[hidden](javascript:alert(1))\n</div>",
  "<script>alert(1)</script>",
  "[[a](javascript:b)](javascript:c)",
  "[[[a](javascript:b)](javascript:c)](javascript:d)",
  "[a](javascript:x 'title') and [b](https://ok.example)",
  "`code [a](javascript:x)`",
  "[a](\njavascript:x)",
];

describe("inertMarkdown: a note made safe for any viewer", () => {
  it.each(HOSTILE)("neutralises %j", (payload) => {
    const out = inertMarkdown(payload);
    expectInert(out);
    expect(out.toLowerCase()).not.toMatch(/\]\(\s*<?\s*(javascript|data|vbscript):/);
  });
  it("neutralises every hostile payload inside one note, with text around", () => {
    expectInert(inertMarkdown(HOSTILE.map((p) => `Before ${p} after.`).join("\n\n")));
  });
  it("keeps ordinary markdown as it was", () => {
    const note =
      "Great **incident** review, see [the doc](https://x.example/doc) and [home](/people).\n\n- one\n- _two_\n\n> quoted `code`";
    expect(inertMarkdown(note)).toBe(note);
  });
  it("keeps the words of a link it neutralises", () => {
    expect(inertMarkdown("see [the doc](javascript:alert(1)) now")).toBe("see the doc now");
  });
});

describe("prepMarkdown: every user value is escaped", () => {
  const evil = "<svg onload=alert(1)>";
  const link = "[x](javascript:alert(1))";
  const prep: PrepForExport = {
    person: { name: `${evil}${link}` },
    today: "2026-11-25",
    since: new Date("2026-11-18T10:00:00Z"),
    targets: [
      {
        title: `${evil} ${link}`,
        health: { then: "on_track", now: "at_risk", direction: "worse" },
        metrics: [{ name: evil, unit: evil, then: { value: 1 }, latest: { value: 2 }, movement: { delta: 1 } }],
      },
    ],
    levelChanges: [{ taskTitle: evil, fromLabel: link, toLabel: evil, reason: link }],
    reviewsDue: [{ title: evil, reviewDate: "2026-11-20" }],
    actions: { mine: [{ title: link, dueDate: null, overdue: false }], theirs: [{ title: evil, dueDate: "2026-11-20", overdue: true }] },
    agenda: [{ topic: "team", body: `${evil}\n${link}`, raisedBy: "them", carriedOver: 0 }],
    lastNotes: [
      {
        kind: "praise",
        body: HOSTILE.join("\n\n"),
        situation: evil,
        behaviour: link,
        impact: `<img src=x onerror=alert(1)>`,
        private: false,
      },
    ],
    goals: [{ title: `${evil}${link}`, status: "active" }],
    suggestions: [{ body: evil, why: link } as PrepForExport["suggestions"][number]],
  };
  it("leaves no live tag, handler or javascript: link in a permissive viewer", () => {
    const md = prepMarkdown(prep);
    expect(md).not.toContain("<svg");
    expect(md).not.toContain("<img");
    expectInert(md);
  });
  it("keeps ordinary markdown in notes", () => {
    const md = prepMarkdown({
      ...prep,
      lastNotes: [
        { kind: "coaching", body: "**bold** and [a](https://x)", situation: null, behaviour: null, impact: null, private: false },
      ],
    });
    expect(md).toContain("**bold** and [a](https://x)");
  });
});
