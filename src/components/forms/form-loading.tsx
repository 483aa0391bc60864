/** What a dialog shows for the moment its form's code loads (a form loaded on first open). */
export function FormLoading() {
  return (
    <div role="status" aria-busy="true" className="h-40 animate-pulse rounded bg-surface-2">
      <span className="sr-only">Loading the form…</span>
    </div>
  );
}
