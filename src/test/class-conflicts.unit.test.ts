import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findClassConflicts } from "./class-conflicts";

describe("classes that set the same property on one element (cn joins, it does not merge)", () => {
  it("none in the app's source", () => {
    const paths = execFileSync("git", ["ls-files", "src"], { encoding: "utf8" })
      .split("\n")
      .filter((p) => /\.tsx?$/.test(p) && !p.includes(".test."));
    const files = Object.fromEntries(paths.map((p) => [p, readFileSync(p, "utf8")]));
    expect(findClassConflicts(files)).toEqual([]);
  });

  it("finds a conflict within one call, in one combination of its branches", () => {
    const source = `const tones = { a: "text-fg", b: "font-medium" };
      export const x = (on: boolean, tone: "a" | "b") => cn("border border-border bg-surface", on && "border-accent", tones[tone]);`;
    expect(findClassConflicts({ "x.tsx": source })).toEqual([{ where: "x.tsx:2", classes: ["border-border"] }]);
  });

  it("reads exclusive branches as exclusive", () => {
    const source = `export const x = (on: boolean) => cn("border px-2", on ? "border-accent text-accent" : "border-border text-muted");`;
    expect(findClassConflicts({ "x.tsx": source })).toEqual([]);
  });

  it("finds a caller's className that overrides a component's class, cva variants included, but not a base: default", () => {
    const source = `const variants = cva("inline-flex", { variants: { size: { sm: "h-8", md: "h-9" } } });
      function Button({ className }: { className?: string }) { return <button className={cn(variants({}), className)} />; }
      function Field({ className }: { className?: string }) { return <input className={cn("base:w-full rounded", className)} />; }
      export const a = <Button className="h-7 w-full" />;
      export const b = <Field className="w-40" />;`;
    expect(findClassConflicts({ "x.tsx": source })).toEqual([{ where: "x.tsx:4 <Button className>", classes: ["h-8", "h-9"] }]);
  });

  it("reads a constant imported from another file, and a cn() passed as className", () => {
    const table = `export const stacked = { cell: "max-sm:block max-sm:p-0" };`;
    const page = `import { stacked } from "@/ui/table";
      function Cell({ className }: { className?: string }) { return <td className={cn("px-2", className)} />; }
      export const a = (empty: boolean) => cn(stacked.cell, empty && "max-sm:hidden");
      export const b = (wide: boolean) => <Cell className={cn("text-sm", wide && "px-4")} />;`;
    expect(findClassConflicts({ "src/ui/table.ts": table, "src/page.tsx": page })).toEqual([
      { where: "src/page.tsx:3", classes: ["max-sm:block"] },
      { where: "src/page.tsx:4 <Cell className>", classes: ["px-2"] },
    ]);
  });

  it("finds a conflict inside a cva call: its base against a variant's value", () => {
    const source = `export const v = cva("text-sm rounded", { variants: { size: { sm: "text-xs", md: "h-9" } } });`;
    expect(findClassConflicts({ "x.ts": source })).toEqual([{ where: "x.ts:1", classes: ["text-sm"] }]);
  });

  it("still checks a call when a branch names a key its object lacks", () => {
    const source = `const tones = { a: "text-fg" };
      export const x = () => cn("p-2 p-4", tones.missing);`;
    expect(findClassConflicts({ "x.tsx": source })).toEqual([{ where: "x.tsx:2", classes: ["p-2"] }]);
  });

  it("says so when a call has more combinations than it checks, rather than passing it", () => {
    const branches = Array.from({ length: 9 }, (_, i) => `f${i} && "m-${i}"`).join(", ");
    const source = `export const x = (${Array.from({ length: 9 }, (_, i) => `f${i}: boolean`).join(", ")}) => cn("p-1", ${branches});`;
    expect(findClassConflicts({ "x.tsx": source })).toEqual([
      { where: "x.tsx:1", classes: ["(more than 256 combinations: split the call)"] },
    ]);
  });
});
