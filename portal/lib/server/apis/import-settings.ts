import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { nowIso } from '../ids';
import { requireAdmin } from '../users/require-role';
import { parseCidr } from './address-policy';

const KEY = 'import.allowedCidrs';

export const importSettingsInput = z.strictObject({
  /** Private ranges that URL imports may reach anyway, e.g. an intranet docs host. Empty by default. */
  allowedCidrs: z.array(z.string().max(50).refine((c) => parseCidr(c) !== null, 'Not an IP range such as 10.1.0.0/16')).max(50),
});
export type ImportSettings = z.infer<typeof importSettingsInput>;

export async function getImportSettings(db: Db): Promise<ImportSettings> {
  const row = await db.selectFrom('portal_settings').where('key', '=', KEY).select('value').executeTakeFirst();
  return { allowedCidrs: row ? (JSON.parse(row.value) as string[]) : [] };
}

export async function readImportSettings(db: Db, actor: Actor): Promise<ImportSettings> {
  requireAdmin(actor);
  return getImportSettings(db);
}

export async function updateImportSettings(db: Db, actor: Actor, input: ImportSettings): Promise<ImportSettings> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const value = JSON.stringify(input.allowedCidrs);
    await trx
      .insertInto('portal_settings')
      .values({ key: KEY, value, updated_at: nowIso() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() }))
      .execute();
    await recordAudit(trx, actor, 'settings.import.update', { type: 'setting', id: KEY }, { allowedCidrs: input.allowedCidrs });
  });
  return input;
}
