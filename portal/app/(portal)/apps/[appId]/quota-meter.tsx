import { formatCount } from '@/lib/client/format';
import type { Subscription } from '@/lib/client/types';

/** This month's use of a subscription's monthly quota; the gateways refuse with 429 once the bar is full. */
export function QuotaMeter({ quota }: { quota: Subscription['quota'] }) {
  if (quota.limit === null) {
    return (
      <p className="text-xs text-zinc-500" data-testid="quota-meter">
        {formatCount(quota.used)} requests in {quota.period} · no monthly quota
      </p>
    );
  }
  const share = Math.min(quota.used / quota.limit, 1);
  const tone = share >= 1 ? 'bg-red-600' : share >= 0.8 ? 'bg-amber-500' : 'bg-indigo-600';
  return (
    <div className="mt-1.5" data-testid="quota-meter">
      {/* biome-ignore lint/a11y/useSemanticElements: <meter> cannot be styled alike across browsers; the ARIA meter role says the same */}
      <div
        className="h-1.5 w-64 max-w-full overflow-hidden rounded-full bg-zinc-200"
        role="meter"
        aria-label={`Monthly quota used in ${quota.period}`}
        aria-valuemin={0}
        aria-valuemax={quota.limit}
        aria-valuenow={Math.min(quota.used, quota.limit)}
      >
        <div className={`h-full ${tone}`} style={{ width: `${share * 100}%` }} />
      </div>
      <p className="mt-1 text-xs text-zinc-500">
        {formatCount(quota.used)} of {formatCount(quota.limit)} requests this month ({quota.period}, UTC)
      </p>
    </div>
  );
}
