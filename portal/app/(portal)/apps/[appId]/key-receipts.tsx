import type { KeyReceipt } from '@/lib/client/fleet-types';
import type { ApiKey } from '@/lib/client/types';

function receiptText(key: ApiKey, r: KeyReceipt): string {
  const where = `${r.applied} of ${r.gateways} gateway${r.gateways === 1 ? '' : 's'} in ${r.environment}`;
  if (r.state === 'live') return `live on ${where}`;
  return key.status === 'revoked' ? `revoked on ${where}` : `removed from ${where}`;
}

/**
 * Where the key's latest change has reached, per environment: derived from the revision that wrote (or withdrew)
 * its hash and the revision each gateway last reported applying. "2 of 2" is a receipt, not a hope.
 */
export function KeyReceipts({ apiKey }: { apiKey: ApiKey }) {
  const receipts = apiKey.receipts ?? [];
  if (receipts.length === 0) {
    return <span className="text-zinc-500">{apiKey.status === 'revoked' ? 'Never synced' : 'Not on any gateway yet'}</span>;
  }
  return (
    <ul className="space-y-0.5">
      {receipts.map((r) => {
        const done = r.gateways > 0 && r.applied >= r.gateways;
        return (
          <li key={r.environmentId} data-testid="key-receipt" className="flex items-center gap-1.5 whitespace-nowrap">
            <span aria-hidden="true" className={`size-1.5 shrink-0 rounded-full ${done ? (r.state === 'live' ? 'bg-emerald-500' : 'bg-zinc-400') : 'bg-amber-500'}`} />
            <span className={done ? 'text-zinc-700' : 'text-amber-800'}>{receiptText(apiKey, r)}</span>
          </li>
        );
      })}
    </ul>
  );
}
