import { usageBatchSchema } from '@gatehouse/sidecar/contract/analytics';
import { AppError } from '@/lib/server/errors';
import { authenticateGateway } from '@/lib/server/gateways/authenticate-gateway';
import { withErrors } from '@/lib/server/http/handlers';
import { ingestUsageBatch } from '@/lib/server/usage/ingest-usage-batch';

// A full batch (5,000 events) is ~1.5 MB; refuse anything far larger before parsing it.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Sidecars post usage batches here; storing is idempotent, and the answer is the acknowledgement. */
export const POST = withErrors(async ({ req, db }) => {
  const gateway = await authenticateGateway(db, req.headers.get('authorization'));
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError('INVALID_REQUEST', 'Batch too large');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_REQUEST', 'The body must be valid JSON');
  }
  const ack = await ingestUsageBatch(db, gateway, usageBatchSchema.parse(body));
  return Response.json(ack);
});
