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
import { VERSION_LABEL_RULE } from './version-label';

export const createApiInput = z.strictObject({
  openapi: apiFields.openapi,
  context: apiFields.context,
  backendUrl: apiFields.backendUrl,
  /** Defaults to the document's info.title and a label made from its info.version (version-label.ts). */
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
  const name = input.name ?? doc.suggested.name;
  if (!name) throw new AppError('UNPROCESSABLE', 'Give a name: the document has no info.title', { errors: [{ path: 'name', message: 'Required' }] });
  const versionOk = apiFields.version.safeParse(input.version ?? doc.suggested.version ?? '');
  if (!versionOk.success) {
    const message = `Give a version: the document's info.version "${doc.info.version}" leaves no usable label. ${VERSION_LABEL_RULE}`;
    throw new AppError('UNPROCESSABLE', message, { errors: [{ path: 'version', message }] });
  }
  const now = nowIso();
  const id = newId('api');
  const row = {
    id,
    name,
    version: versionOk.data,
    context: input.context,
    description: input.description ?? doc.suggested.description,
    tags: JSON.stringify(input.tags),
    overview: input.overview,
    openapi: doc.document,
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
