/** Two overlapping circles: the manager and the engineer, meeting in leadership. */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className ?? ""}`}>
      <svg viewBox="0 0 28 20" aria-hidden="true" className="h-5 w-7">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2" className="text-accent" />
        <circle cx="18" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2" className="text-muted" />
      </svg>
      Intersect
    </span>
  );
}
