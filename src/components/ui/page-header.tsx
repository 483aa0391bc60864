/**
 * A page's title, its description and its actions. The title wraps even when
 * it is one long word (a URL in a target's title), and the actions wrap as
 * one even block: on a phone each row of buttons fills the width, so no
 * ragged row of one button is left beside an empty space. A wrapper around
 * the buttons (for print:hidden, say) is `contents`, so they share the one row.
 */
export function PageHeader({ title, description, actions }: { title: string; description?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0 max-w-full">
        <h1 className="text-xl font-semibold tracking-tight wrap-anywhere">{title}</h1>
        {description ? <div className="mt-1 max-w-2xl text-sm text-muted wrap-anywhere">{description}</div> : null}
      </div>
      {actions ? (
        <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto sm:justify-end max-sm:[&_a]:grow max-sm:[&_button]:grow">
          {actions}
        </div>
      ) : null}
    </div>
  );
}
