import { withErrors } from '@/lib/server/http/handlers';
import { portalOrigin } from '@/lib/server/portal-origin';
import { answerSyncPoll } from '@/lib/server/sync/answer-sync-poll';
import { portalSigningKey } from '@/lib/server/sync/portal-signing-key';

export const dynamic = 'force-dynamic';

/** The sidecars' long-poll change feed (DESIGN.md, Sync protocol); every answer is signed over its exact bytes. */
export const GET = withErrors(async ({ req, db }) => answerSyncPoll(db, req, await portalSigningKey(), [portalOrigin()]));
