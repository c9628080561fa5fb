import { Button } from '@/components/button';
import type { Gateway } from '@/lib/client/fleet-types';
import { GatewayStatusBadge } from './gateway-status-badge';

function ago(iso: string | null): string {
  if (!iso) return 'Never';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

const cell = 'px-3 py-2.5 whitespace-nowrap text-zinc-600';

export function FleetRow({ gateway: g, onAction }: { gateway: Gateway; onAction: (action: 'rotate' | 'revoke') => void }) {
  return (
    <tr data-testid="gateway-row" data-status={g.status}>
      <td className="py-2.5 pr-3 pl-5 whitespace-nowrap">
        <div className="font-medium text-zinc-900">{g.name}</div>
        <div className="font-mono text-xs text-zinc-500" title="Token prefix">
          {g.tokenPrefix}…
        </div>
      </td>
      <td className={cell}>{g.environment.name}</td>
      <td className="px-3 py-2.5">
        <GatewayStatusBadge status={g.status} />
      </td>
      <td className={cell} title={g.lastSeenAt ?? undefined}>
        {ago(g.lastSeenAt)}
      </td>
      <td className={`${cell} tabular-nums`}>
        {g.appliedRevision ?? '—'} <span className="text-zinc-500">/ {g.environment.revision}</span>
      </td>
      <td className={`${cell} tabular-nums ${g.lag ? 'font-medium text-amber-700' : ''}`}>{g.lag ?? '—'}</td>
      <td className={`${cell} font-mono text-xs`}>
        <div>
          {g.version ?? '—'}
          {g.sidecarSupport === 'unsupported' && (
            <span data-testid="sidecar-upgrade-required" className="ml-1.5 rounded bg-red-100 px-1.5 py-0.5 font-sans text-xs font-medium text-red-800" title="Older than this portal supports: upgrade the sidecar">
              Upgrade required
            </span>
          )}
        </div>
        <div className="max-w-36 truncate text-zinc-500" title={g.nodeId ?? undefined}>
          {g.nodeId ?? '—'}
        </div>
      </td>
      <td className={`${cell} tabular-nums`}>{g.cacheKeys ?? '—'}</td>
      <td className="py-2.5 pr-5 pl-3 text-right whitespace-nowrap">
        {g.status !== 'revoked' && (
          <span className="inline-flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => onAction('rotate')}>
              Rotate token
            </Button>
            <Button variant="secondary" size="sm" className="text-red-700" onClick={() => onAction('revoke')}>
              Revoke
            </Button>
          </span>
        )}
      </td>
    </tr>
  );
}
