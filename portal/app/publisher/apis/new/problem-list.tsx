import type { OpenApiVerdict } from '../../_lib/types';

/** Every validation problem, inline and in full: a publisher fixes them all in one pass, not one per submit. */
export function ProblemList({ verdict }: { verdict: OpenApiVerdict | null }) {
  if (!verdict) return null;
  if (verdict.valid) {
    return (
      <div className="space-y-2">
        <p data-testid="openapi-valid" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Valid OpenAPI {verdict.version}: {verdict.info.title} {verdict.info.version}, {verdict.operations.length} operation(s).
        </p>
        {verdict.convertedFrom && (
          <p data-testid="openapi-converted" className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
            Converted from {verdict.convertedFrom} to OpenAPI {verdict.version}. The portal stores and shows the converted document.
          </p>
        )}
      </div>
    );
  }
  return (
    <div data-testid="openapi-problems" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-medium">The document has {verdict.problems.length} problem(s):</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {verdict.problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on each validation, never reordered
          <li key={i}>
            <pre className="overflow-x-auto font-mono text-xs whitespace-pre-wrap">{p}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
