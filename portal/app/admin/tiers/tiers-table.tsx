'use client';

import { Fragment } from 'react';
import { Button } from '@/components/button';
import { CardTable } from '@/components/card-table';
import type { Tier, TierInput } from '@/lib/client/admin-types';
import { formatQuota, formatRate } from '@/lib/client/format';
import { TierForm } from './tier-form';

export function TiersTable({ tiers, editing, onEdit, onSave, onDelete }: {
  tiers: Tier[];
  editing: string | null;
  onEdit: (id: string | null) => void;
  onSave: (tier: Tier, input: TierInput) => Promise<void>;
  onDelete: (tier: Tier) => void;
}) {
  if (tiers.length === 0) return <p className="text-sm text-zinc-600">No tiers yet. Create one below; publishers then offer it on their APIs.</p>;
  return (
    <CardTable columns={['Tier', 'Rate', 'Burst', 'Monthly quota']}>
      {tiers.map((t) => (
        <Fragment key={t.id}>
          <tr data-testid={`tier-row-${t.name}`}>
            <td className="py-3 pr-3 pl-5">
              <div className="font-medium text-zinc-900">{t.name}</div>
              {t.description && <div className="text-zinc-500">{t.description}</div>}
            </td>
            <td className="px-3 py-3 text-zinc-700">{formatRate(t.requestsPerMinute)}</td>
            <td className="px-3 py-3 text-zinc-700">{t.burst ?? '—'}</td>
            <td className="px-3 py-3 text-zinc-700">{formatQuota(t.monthlyQuota)}</td>
            <td className="py-3 pr-5 pl-3 text-right whitespace-nowrap">
              <Button size="sm" variant="ghost" onClick={() => onEdit(editing === t.id ? null : t.id)} aria-label={`Edit ${t.name}`}>
                Edit
              </Button>
              <Button size="sm" variant="ghost" className="text-red-700" onClick={() => onDelete(t)} aria-label={`Delete ${t.name}`}>
                Delete
              </Button>
            </td>
          </tr>
          {editing === t.id && (
            <tr>
              <td colSpan={5} className="bg-zinc-50 px-5 py-4">
                <TierForm tier={t} onSave={(input) => onSave(t, input)} onCancel={() => onEdit(null)} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </CardTable>
  );
}
