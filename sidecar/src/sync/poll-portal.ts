import { SYNC_PATH, SYNC_PROTOCOL_VERSION, type SyncResponse, syncResponseSchema } from '../contract/sync';
import { SIDECAR_VERSION } from '../version';
import { readJsonLimited } from './read-json-limited';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface PollRequest {
  portalUrl: string;
  token: string;
  since: number;
  waitMs: number;
  nodeId: string;
  keys: number;
  maxBodyBytes: number;
  signal: AbortSignal;
  fetch: FetchLike;
}

/** Low-cardinality failure reasons: they label a metric; `detail` goes to the log only. */
export type PollFailure = 'network' | 'timeout' | 'http_status' | 'too_large' | 'invalid_body';

export type PollResult = { ok: true; answer: SyncResponse } | { ok: false; reason: PollFailure; detail: string };

/** Margin over the long-poll wait before we give up on the portal: it answers at waitMs at the latest. */
const TIMEOUT_MARGIN_MS = 10_000;

/**
 * One long-poll. It never throws: every way a poll can fail becomes a reason the loop logs and backs off on.
 * The token goes only into the Authorization header, never into a URL or a message.
 */
export async function pollPortal(request: PollRequest): Promise<PollResult> {
  const query = new URLSearchParams({
    since: String(request.since),
    waitMs: String(request.waitMs),
    node: request.nodeId,
    version: SIDECAR_VERSION,
    keys: String(request.keys),
    protocol: String(SYNC_PROTOCOL_VERSION),
  });
  const timeout = AbortSignal.timeout(request.waitMs + TIMEOUT_MARGIN_MS);
  try {
    const response = await request.fetch(`${request.portalUrl}${SYNC_PATH}?${query}`, {
      headers: { authorization: `Bearer ${request.token}`, accept: 'application/json' },
      signal: AbortSignal.any([request.signal, timeout]),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return { ok: false, reason: 'http_status', detail: `portal answered ${response.status}` };
    }
    const body = await readJsonLimited(response, request.maxBodyBytes);
    if (!body.ok) return { ok: false, reason: body.reason, detail: body.detail };
    const parsed = syncResponseSchema.safeParse(body.value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return { ok: false, reason: 'invalid_body', detail: `invalid sync answer at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}` };
    }
    return { ok: true, answer: parsed.data };
  } catch (error) {
    if (timeout.aborted) return { ok: false, reason: 'timeout', detail: `no answer within ${request.waitMs + TIMEOUT_MARGIN_MS} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: 'network', detail: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}
