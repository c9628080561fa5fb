import { Button } from '@/components/button';
import { CardTable } from '@/components/card-table';
import { StatusBadge } from '@/components/status-badge';
import { formatDate } from '@/lib/client/format';
import type { OAuthClient } from './oauth-clients-data';

const COLUMNS = ['Name', 'Client ID', 'Secret', 'Status', 'Created', 'Last token'];

export function OAuthClientsTable({ clients, onRevoke }: { clients: OAuthClient[]; onRevoke: (client: OAuthClient) => void }) {
  if (clients.length === 0) return <p className="text-sm text-zinc-600">No OAuth clients yet.</p>;
  return (
    <CardTable columns={COLUMNS}>
          {clients.map((client) => (
            <tr key={client.clientId} data-testid="oauth-client-row">
              <td className="py-2.5 pr-3 pl-5 font-medium text-zinc-900">{client.name}</td>
              <td className="px-3 py-2.5 font-mono text-xs whitespace-nowrap text-zinc-600">{client.clientId}</td>
              <td className="px-3 py-2.5 font-mono text-xs whitespace-nowrap text-zinc-600">{client.secretPrefix}…</td>
              <td className="px-3 py-2.5">
                <StatusBadge status={client.status} />
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap text-zinc-600">{formatDate(client.createdAt)}</td>
              <td className="px-3 py-2.5 whitespace-nowrap text-zinc-600">{formatDate(client.lastTokenAt, 'Never')}</td>
              <td className="py-2.5 pr-5 pl-3 text-right whitespace-nowrap">
                {client.status === 'active' && (
                  <Button variant="secondary" size="sm" className="text-red-700" onClick={() => onRevoke(client)}>
                    Revoke secret
                  </Button>
                )}
              </td>
            </tr>
          ))}
    </CardTable>
  );
}
