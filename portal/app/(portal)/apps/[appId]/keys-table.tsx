import { Button } from '@/components/button';
import { CardTable } from '@/components/card-table';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, formatExpiry } from '@/lib/client/format';
import type { ApiKey } from '@/lib/client/types';
import { KeyReceipts } from './key-receipts';

const COLUMNS = ['Name', 'Key', 'Status', 'Gateways', 'Created', 'Expires', 'Last used'];

export function KeysTable({ keys, onRevoke, onRotate }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void; onRotate?: (key: ApiKey) => void }) {
  if (keys.length === 0) return <p className="text-sm text-zinc-600">No keys yet. Create one above to call the APIs this application subscribes to.</p>;
  return (
    <CardTable columns={COLUMNS}>
          {keys.map((key) => (
            <tr key={key.id} data-testid="key-row">
              <td className="py-2.5 pr-3 pl-5 font-medium text-zinc-900">{key.name}</td>
              <td className="px-3 py-2.5 font-mono text-xs whitespace-nowrap text-zinc-600">{key.prefix}…</td>
              <td className="px-3 py-2.5">
                <StatusBadge status={key.status} />
              </td>
              <td className="px-3 py-2.5 text-xs">
                <KeyReceipts apiKey={key} />
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap text-zinc-600">{formatDate(key.createdAt)}</td>
              <td className="px-3 py-2.5 whitespace-nowrap text-zinc-600" data-testid="key-expires" data-expires-at={key.expiresAt ?? ''}>
                {formatExpiry(key.expiresAt)}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap text-zinc-600">{formatDate(key.lastUsedAt, 'Never')}</td>
              <td className="py-2.5 pr-5 pl-3 text-right whitespace-nowrap">
                {key.status === 'active' && (
                  <div className="flex justify-end gap-2">
                    {onRotate && (
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
