import { formatQuota, formatRate } from '@/lib/client/format';
import type { Tier } from '@/lib/client/types';

export function TierList({ tiers }: { tiers: Tier[] }) {
  if (tiers.length === 0) return <p className="text-sm text-zinc-600">No tiers are offered yet, so this API cannot be subscribed to.</p>;
  return (
    <ul className="grid gap-3" aria-label="Tiers">
      {tiers.map((tier) => (
        <li key={tier.id} className="rounded-lg border border-zinc-200 p-4" data-testid="tier">
          <h3 className="font-medium text-zinc-900">{tier.name}</h3>
          {tier.description && <p className="mt-1 text-sm text-zinc-600">{tier.description}</p>}
          <dl className="mt-3 space-y-1 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-zinc-500">Rate limit</dt>
              <dd className="text-right font-medium text-zinc-900">{formatRate(tier.requestsPerMinute)}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-zinc-500">Quota</dt>
              <dd className="text-right font-medium text-zinc-900">{formatQuota(tier.monthlyQuota)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
