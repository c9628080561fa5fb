import type { KeyObject } from 'node:crypto';
import { SIGNATURE_HEADER } from '../contract/signature';
import { SYNC_PATH, SYNC_PROTOCOL_VERSION, type SyncResponse } from '../contract/sync';
import { SIDECAR_VERSION } from '../version';
import { openSignedAnswer, type PayloadRejection } from './open-signed-answer';
import { readBodyLimited } from './read-body-limited';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface PollRequest {
  portalUrl: string;
  token: string;
  publicKey: KeyObject;
  since: number;
  waitMs: number;
  nodeId: string;
  keys: number;
  maxBodyBytes: number;
  signal: AbortSignal;
  fetch: FetchLike;
}

/** The portal could not be asked or would not answer: nothing was received to judge. */
export type TransportFailure = 'network' | 'timeout' | 'http_status' | 'protocol_unsupported';

/** Low-cardinality reasons (they label metrics); `detail` goes to the log only and never quotes the payload. */
export type PollResult =
  | { ok: true; answer: SyncResponse }
  | { ok: false; kind: 'failure'; reason: TransportFailure; detail: string }
  | { ok: false; kind: 'rejection'; reason: PayloadRejection | 'too_large'; detail: string };

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
      // 426 is how the portal says it no longer speaks our protocol version (SYNC_PROTOCOL_UNSUPPORTED).
      if (response.status === 426) return { ok: false, kind: 'failure', reason: 'protocol_unsupported', detail: 'protocol unsupported by portal' };
      return { ok: false, kind: 'failure', reason: 'http_status', detail: `portal answered ${response.status}` };
    }
    const body = await readBodyLimited(response, request.maxBodyBytes);
    if (!body.ok) return { ok: false, kind: 'rejection', reason: 'too_large', detail: body.detail };
    const opened = openSignedAnswer(body.bytes, response.headers.get(SIGNATURE_HEADER), request.publicKey);
    if (!opened.ok) return { ok: false, kind: 'rejection', reason: opened.reason, detail: opened.detail.slice(0, 300) };
    return { ok: true, answer: opened.answer };
  } catch (error) {
    if (timeout.aborted) return { ok: false, kind: 'failure', reason: 'timeout', detail: `no answer within ${request.waitMs + TIMEOUT_MARGIN_MS} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, kind: 'failure', reason: 'network', detail: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}
