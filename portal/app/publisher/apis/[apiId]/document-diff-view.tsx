import type { DocumentDiff } from '../../_lib/types';

const opLabel = (o: { method: string; path: string }) => `${o.method} ${o.path}`;

/** What a new document changes for callers, breaking changes first: the part a publisher must not miss. */
export function DocumentDiffView({ diff }: { diff: DocumentDiff }) {
  const none = diff.added.length === 0 && diff.removed.length === 0 && diff.breaking.length === 0;
  return (
    <div className="space-y-3 text-sm" data-testid="document-diff">
      {diff.incomplete && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" role="status">
          The schemas reference each other too often to compare in full: only part of them was checked, and more may break than is listed.
        </p>
      )}
      {none && !diff.incomplete && <p>No operation is added or removed, and nothing breaks existing callers.</p>}
      {diff.breaking.length > 0 ? (
        <section className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900" data-testid="breaking-changes">
          <h3 className="font-semibold">
            {diff.breaking.length} breaking change{diff.breaking.length === 1 ? '' : 's'}: callers written for the current document may fail
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 wrap-anywhere">
            {diff.breaking.map((c) => (
              <li key={c.message}>{c.message}</li>
            ))}
          </ul>
        </section>
      ) : (
        !none && <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-800">No breaking changes.</p>
      )}
      <OperationList title="Operations added" ops={diff.added} testId="operations-added" />
      <OperationList title="Operations removed" ops={diff.removed} testId="operations-removed" />
    </div>
  );
}

function OperationList({ title, ops, testId }: { title: string; ops: DocumentDiff['added']; testId: string }) {
  if (ops.length === 0) return null;
  return (
    <section data-testid={testId}>
      <h3 className="font-medium text-zinc-800">
        {title} ({ops.length})
      </h3>
      <ul className="mt-1 max-h-40 space-y-0.5 overflow-y-auto font-mono text-xs text-zinc-700 wrap-anywhere">
        {ops.map((o) => (
          <li key={opLabel(o)}>{opLabel(o)}</li>
        ))}
      </ul>
    </section>
  );
}
