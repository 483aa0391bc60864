/**
 * A table that is a table from the `sm` breakpoint up and a list of cards
 * below it: each row stacks its cells, each cell under its column's name
 * (`data-label`), so a phone never scrolls sideways inside a table box. Same
 * markup, same data and actions at every width; the header row stays for
 * screen readers. Cells without a `data-label` (the row's name, its actions)
 * show no label. Wide cells take the card's full width (`stacked.wide`).
 */
export const stacked = {
  /** The box: it scrolls sideways only where the table is a table. */
  box: "relative rounded-lg border border-border bg-surface sm:overflow-x-auto",
  table: "w-full text-left text-sm max-sm:block",
  head: "max-sm:sr-only",
  body: "max-sm:block",
  row: "max-sm:grid max-sm:grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))] max-sm:gap-x-4 max-sm:gap-y-2 max-sm:px-3 max-sm:py-3",
  cell: "max-sm:block max-sm:min-w-0 max-sm:wrap-anywhere max-sm:p-0 max-sm:text-left max-sm:before:block max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-muted max-sm:before:content-[attr(data-label)]",
  wide: "max-sm:col-span-full",
} as const;
