import 'server-only';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { canonicalContext, contextsOverlap } from './context-overlap';

export interface ContextCheck {
  /** The API being edited or deployed: its own context is not a conflict. */
  exceptApiId?: string;
  /** Only APIs deployed to this environment (the check at deploy time). */
  environmentId?: string;
}

/**
 * A gateway routes by context path, so no two APIs (versions of one API included) may share a context or nest one
 * inside the other (context-overlap.ts). Checked at create, edit, new version and deploy; the last catches APIs
 * stored before nesting was refused. The list of contexts is small (one row per API version), so it is compared in
 * code rather than with a LIKE whose wildcards (`_`) a context may contain.
 */
export async function assertContextFree(db: Kysely<DB>, context: string, check: ContextCheck = {}): Promise<void> {
  let q = db.selectFrom('apis').select(['apis.id', 'apis.context']);
  if (check.exceptApiId) q = q.where('apis.id', '!=', check.exceptApiId);
  if (check.environmentId) q = q.innerJoin('deployments', 'deployments.api_id', 'apis.id').where('deployments.environment_id', '=', check.environmentId);
  const clash = (await q.execute()).find((api) => contextsOverlap(api.context, context));
  if (clash) {
    const same = canonicalContext(clash.context) === canonicalContext(context);
    throw new AppError('CONFLICT', `The context path ${context} ${same ? 'is taken by' : 'nests with'} ${clash.context}: one API could take the other's traffic`, {
      errors: [{ path: 'context', message: same ? 'Already in use' : `Nests with ${clash.context}` }],
    });
  }
}
