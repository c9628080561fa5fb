import { errorMessage } from '@/lib/client/api-error';
import { isSessionExpired } from '@/lib/client/session-expiry';

/** A failed load, with the server's own words when it gave any. An ended session is the header banner's to say. */
export function LoadError({ error, what }: { error: unknown; what: string }) {
  if (isSessionExpired(error)) return null;
  return (
    <div role="alert" data-testid="load-error" className="rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-800">
      <p className="font-medium">Could not load {what}.</p>
      <p className="mt-1">{errorMessage(error)}</p>
    </div>
  );
}
