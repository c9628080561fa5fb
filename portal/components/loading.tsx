/** Placeholder rows while data loads; aria-busy tells assistive tech that content is on its way. */
export function LoadingBlock({ rows = 3, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders; they never reorder
        <div key={i} className="h-14 animate-pulse rounded-lg bg-zinc-200/70" />
      ))}
    </div>
  );
}
