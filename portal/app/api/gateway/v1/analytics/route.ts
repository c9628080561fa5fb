import { usageBatchSchema } from '@gatehouse/sidecar/contract/analytics';
import { AppError } from '@/lib/server/errors';
import { ANALYTICS_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { authenticateGateway } from '@/lib/server/gateways/authenticate-gateway';
import { withErrors } from '@/lib/server/http/handlers';
import { ingestUsageBatch } from '@/lib/server/usage/ingest-usage-batch';

/**
 * Sidecars post usage batches here; storing is idempotent, and the answer is the acknowledgement. The token is
 * checked before a byte of the body is read, and the body is bounded while it is read (withErrors' limit).
 */
export const POST = withErrors(async ({ req, db }) => {
  const gateway = await authenticateGateway(db, req.headers.get('authorization'));
  const text = await req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_REQUEST', 'The body must be valid JSON');
  }
  const ack = await ingestUsageBatch(db, gateway, usageBatchSchema.parse(body));
  return Response.json(ack);
}, { maxBodyBytes: ANALYTICS_MAX_BODY_BYTES });
