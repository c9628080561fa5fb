import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { apiFields } from './api-fields';
import { assertContextFree } from './assert-context-free';
import { getManagedApi, toManagedApiDto } from './get-managed-api';
import { requireValidOpenApi } from './openapi-problems';

export const createApiVersionInput = z.strictObject({
  version: apiFields.version,
  context: apiFields.context,
  /** A new document for the new version; the source version's document when omitted. */
  openapi: apiFields.openapi.optional(),
  /** Where the new version's calls go; the source version's backend when omitted. */
  backendUrl: apiFields.backendUrl.optional(),
});

/**
 * Starts a new version from an existing one: same name, description, tags, overview, backend, approval rule and
 * tiers, a new version string and context, state CREATED. Deployments are not copied: deploying is a decision.
 */
export async function createApiVersion(db: Db, actor: Actor, sourceApiId: string, input: z.infer<typeof createApiVersionInput>) {
  const stored = input.openapi === undefined ? undefined : (await requireValidOpenApi(input.openapi)).document;
  return db.transaction().execute(async (trx) => {
    const source = await getManagedApi(trx, actor, sourceApiId);
    const lineage = source.lineage_id ?? source.id;
    const clash = await trx.selectFrom('apis').where((eb) => eb.or([eb('lineage_id', '=', lineage), eb('id', '=', lineage)])).where('version', '=', input.version).select('id').executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', `Version ${input.version} already exists`, { errors: [{ path: 'version', message: 'Already exists' }] });
    await assertContextFree(trx, input.context);
    const now = nowIso();
    const row = {
      ...source,
      id: newId('api'),
      version: input.version,
      context: input.context,
      openapi: stored ?? source.openapi,
      backend_url: input.backendUrl ?? source.backend_url,
      status: 'CREATED' as const,
      owner_id: source.owner_id ?? actor.id,
      lineage_id: lineage,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('apis').values(row).execute();
    const tiers = await trx.selectFrom('api_tiers').where('api_id', '=', source.id).select('tier_id').execute();
    if (tiers.length > 0) await trx.insertInto('api_tiers').values(tiers.map((t) => ({ api_id: row.id, tier_id: t.tier_id }))).execute();
    await recordAudit(trx, actor, 'api.version.create', { type: 'api', id: row.id }, { from: source.id, version: row.version, context: row.context, newDocument: stored !== undefined });
    return toManagedApiDto(row);
  });
}
