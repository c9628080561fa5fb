import 'server-only';
import { SYNC_PROTOCOL_VERSION, syncReportSchema } from '@gatehouse/sidecar/contract/sync';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { authenticateGateway, recordGatewayReport } from '../gateways/authenticate-gateway';
import { readFeed } from './read-feed';
import { shutdownSignal } from './shutdown-signal';
import type { SigningKey } from './signing-key';
import { signedSyncResponse } from './signed-response';
import { waitForRevision } from './wait-for-revision';

/**
 * One long-poll from a sidecar: authenticate its token, record what it reports having applied, wait for a change
 * past that, and answer the signed feed. Problems (401, 426) are thrown and left unsigned: a sidecar never applies
 * them, so there is nothing for a forger to gain.
 */
export async function answerSyncPoll(db: Db, req: Request, key: Pick<SigningKey, 'privateKey'>, corsOrigins: string[]): Promise<Response> {
  const gateway = await authenticateGateway(db, req.headers.get('authorization'));
  const report = syncReportSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (report.protocol !== SYNC_PROTOCOL_VERSION) {
    throw new AppError('SYNC_PROTOCOL_UNSUPPORTED', `This portal speaks sync protocol ${SYNC_PROTOCOL_VERSION}; upgrade the sidecar`, {
      supported: [SYNC_PROTOCOL_VERSION],
    });
  }
  await recordGatewayReport(db, gateway.id, report);
  await waitForRevision(db, gateway.environment.id, report.since, report.waitMs, req.signal);
  const feed = await readFeed(db, gateway.environment, report.since, corsOrigins);
  const answer = signedSyncResponse(feed, key.privateKey);
  // A stopping portal waits for every open connection to end, and a sidecar polls again on its kept-alive one:
  // ask it to close, so that its next poll opens a new connection, which the stopping server refuses.
  if (shutdownSignal().aborted) answer.headers.set('connection', 'close');
  return answer;
}
