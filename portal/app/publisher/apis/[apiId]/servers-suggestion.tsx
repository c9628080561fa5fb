import { Button } from '@/components/button';
import type { OpenApiVerdict } from '../../_lib/types';

type Suggested = Extract<OpenApiVerdict, { valid: true }>['suggested'];

/** Offers the document's `servers` as context and backend, only when they differ from what the fields hold. */
export function ServersSuggestion({ suggested, context, backendUrl, setContext, setBackendUrl }: {
  suggested: Suggested | null;
  context: string;
  backendUrl: string;
  setContext: (context: string) => void;
  setBackendUrl: (backendUrl: string) => void;
}) {
  if (!suggested) return null;
  const ctx = suggested.context && suggested.context !== context ? suggested.context : null;
  const backend = suggested.backendUrl && suggested.backendUrl !== backendUrl ? suggested.backendUrl : null;
  if (!ctx && !backend) return null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900" data-testid="servers-suggestion">
      <span className="min-w-0 wrap-anywhere">
        The document&apos;s <code>servers</code> suggest {ctx && <>context <code>{ctx}</code></>}
        {ctx && backend && ' and '}
        {backend && <>backend <code>{backend}</code></>}.
      </span>
      <Button size="sm" variant="secondary" onClick={() => {
          if (ctx) setContext(ctx);
          if (backend) setBackendUrl(backend);
        }}>
        Use {ctx && backend ? 'these' : 'it'}
      </Button>
    </div>
  );
}
