import { Button } from '@/components/button';
import { CardTable, stackedCell, stackedRow } from '@/components/card-table';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, formatDateTime, formatExpiry, formatRelative, plural } from '@/lib/client/format';
import type { ApiKey } from '@/lib/client/types';
import { KeyReceipts } from './key-receipts';

const COLUMNS = ['Name', 'Key', 'Status', 'Gateways', 'Created', 'Expires', 'Last used'];

/**
 * Live keys in a table (cards on a phone); revoked and expired ones fold away below it, since nothing can be done
 * with them but they are worth finding when a client reports a 401.
 */
export function KeysTable({ keys, onRevoke, onRotate }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void; onRotate?: (key: ApiKey) => void }) {
  if (keys.length === 0) return <p className="text-sm text-zinc-600">No keys yet. Create one above to call the APIs this application subscribes to.</p>;
  const live = keys.filter((k) => k.status === 'active');
  const ended = keys.filter((k) => k.status !== 'active');
  return (
    <div className="space-y-3">
      {live.length === 0 ? (
        <p className="text-sm text-zinc-600">No live keys. Create one above.</p>
      ) : (
        <KeyRows keys={live} onRevoke={onRevoke} onRotate={onRotate} />
      )}
      {ended.length > 0 && (
        <details className="group" data-testid="ended-keys">
          <summary className="cursor-pointer text-sm font-medium text-zinc-600 hover:text-zinc-900">
            {plural(ended.length, 'revoked or expired key')}
          </summary>
          <div className="mt-3">
            <KeyRows keys={ended} onRevoke={onRevoke} />
          </div>
        </details>
      )}
    </div>
  );
}

function KeyRows({ keys, onRevoke, onRotate }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void; onRotate?: (key: ApiKey) => void }) {
  return (
    <CardTable columns={COLUMNS} stackOnPhone>
      {keys.map((key) => (
        <tr key={key.id} data-testid="key-row" className={stackedRow}>
          <td data-label="Name" className={`py-2.5 pr-3 pl-5 font-medium text-zinc-900 ${stackedCell}`}>
            {key.name}
          </td>
          <td data-label="Key" className={`px-3 py-2.5 font-mono text-xs whitespace-nowrap text-zinc-600 ${stackedCell}`}>
            {key.prefix}…
          </td>
          <td data-label="Status" className={`px-3 py-2.5 ${stackedCell}`}>
            <StatusBadge status={key.status} />
          </td>
          <td data-label="Gateways" className={`px-3 py-2.5 text-xs ${stackedCell}`}>
            <KeyReceipts apiKey={key} />
          </td>
          <td data-label="Created" className={`px-3 py-2.5 whitespace-nowrap text-zinc-600 ${stackedCell}`}>
            {formatDate(key.createdAt)}
          </td>
          <td data-label="Expires" className={`px-3 py-2.5 text-zinc-600 max-sm:text-right ${stackedCell}`} data-testid="key-expires" data-expires-at={key.expiresAt ?? ''}>
            <KeyExpiry apiKey={key} />
          </td>
          <td data-label="Last used" className={`px-3 py-2.5 whitespace-nowrap text-zinc-600 ${stackedCell}`} data-testid="key-last-used">
            {key.lastUsedAt ? <time dateTime={key.lastUsedAt} title={formatDateTime(key.lastUsedAt, '')}>{formatRelative(key.lastUsedAt)}</time> : 'Never'}
          </td>
          <td className={`py-2.5 pr-5 pl-3 text-right whitespace-nowrap ${key.status === 'active' ? 'max-sm:block max-sm:px-0! max-sm:pt-2' : 'max-sm:hidden'}`}>
            {key.status === 'active' && (
              <div className="flex justify-end gap-2">
                {/* A key already replaced by a rotation only waits out its grace; rotating it again would fork the chain. */}
                {onRotate && !key.replacedBy && (
                  <Button variant="secondary" size="sm" onClick={() => onRotate(key)}>
                    Rotate
                  </Button>
                )}
                <Button variant="secondary" size="sm" className="text-red-700" onClick={() => onRevoke(key)}>
                  Revoke
                </Button>
              </div>
            )}
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

/** A rotated key says when its grace ends and which key took over; others show their expiry. */
function KeyExpiry({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.replacedBy && apiKey.status === 'active') {
    return (
      <span data-testid="key-replaced" title={formatDateTime(apiKey.expiresAt, '')}>
        Expires {formatRelative(apiKey.expiresAt)}, replaced by <span className="font-mono text-xs">{apiKey.replacedBy.prefix}…</span>
      </span>
    );
  }
  return <span className="whitespace-nowrap">{formatExpiry(apiKey.expiresAt)}</span>;
}
