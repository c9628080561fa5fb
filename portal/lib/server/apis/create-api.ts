import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { requirePublisher } from '../users/require-role';
import { apiFields } from './api-fields';
import { assertContextFree } from './assert-context-free';
import { toManagedApiDto } from './get-managed-api';
import { requireValidOpenApi } from './openapi-problems';
import { replaceApiTiers } from './replace-api-tiers';

export const createApiInput = z.strictObject({
  openapi: apiFields.openapi,
  context: apiFields.context,
  backendUrl: apiFields.backendUrl,
  /** Defaults to the document's info.title / info.version. */
  name: apiFields.name.optional(),
  version: apiFields.version.optional(),
  description: apiFields.description.optional(),
  tags: apiFields.tags.default([]),
  overview: apiFields.overview.default(''),
  requiresApproval: apiFields.requiresApproval.default(false),
  /** The tiers subscribers may choose; every tier when omitted. */
  tierIds: z.array(z.string().min(1).max(100)).max(50).optional(),
});

/** Creates an API version in state CREATED: not in the catalog and not routed until it is published and deployed. */
export async function createApi(db: Db, actor: Actor, input: z.infer<typeof createApiInput>) {
  requirePublisher(actor);
  const doc = await requireValidOpenApi(input.openapi);
  const name = input.name ?? doc.info.title.trim().slice(0, 100);
  const version = input.version ?? doc.info.version.trim();
  const versionOk = apiFields.version.safeParse(version);
  if (!name || !versionOk.success) {
    throw new AppError('UNPROCESSABLE', 'Give a name and a version (the document has none usable)', { errors: [{ path: name ? 'version' : 'name', message: 'Required' }] });
  }
  const now = nowIso();
  const id = newId('api');
  const row = {
    id,
    name,
    version: versionOk.data,
    context: input.context,
    description: input.description ?? doc.info.description.slice(0, 500),
    tags: JSON.stringify(input.tags),
    overview: input.overview,
    openapi: input.openapi,
    backend_url: input.backendUrl,
    status: 'CREATED' as const,
    requires_approval: input.requiresApproval ? 1 : 0,
    owner_id: actor.id,
    lineage_id: id,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await assertContextFree(trx, row.context);
    await trx.insertInto('apis').values(row).execute();
    await replaceApiTiers(trx, id, input.tierIds);
    await recordAudit(trx, actor, 'api.create', { type: 'api', id }, { name, version: row.version, context: row.context });
  });
  return toManagedApiDto(row);
}
