/** What a dialog shows for the moment its form's code loads (a form loaded on first open). */
export function FormLoading() {
  return <div className="h-40 animate-pulse rounded bg-surface-2" aria-busy="true" aria-label="Loading the form" />;
}
