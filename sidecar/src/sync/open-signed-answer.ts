import type { KeyObject } from 'node:crypto';
import { verifyBody } from '../contract/signature';
import { type SyncResponse, syncResponseSchema } from '../contract/sync';
import { exceedsJsonDepth, ForbiddenKeyError, parseJsonSafely } from './json-guards';

/** Why a body was refused before it could touch the cache. Low cardinality: these label a metric. */
export type PayloadRejection = 'signature_missing' | 'signature_invalid' | 'too_deep' | 'malformed' | 'forbidden_key' | 'schema_invalid';

export type OpenedAnswer = { ok: true; answer: SyncResponse } | { ok: false; reason: PayloadRejection; detail: string };

/** Far above the contract's own nesting (answer > changes > change > data > field), far below a stack problem. */
export const MAX_JSON_DEPTH = 16;

/**
 * Turns the raw bytes of a sync answer into a validated answer, cheapest and most protective check first: the
 * signature over the exact bytes (an unsigned or forged body is never parsed), then nesting depth on the raw
 * bytes, then a parse that refuses prototype keys, then the contract schema. Details never quote the payload.
 */
export function openSignedAnswer(bytes: Buffer, signature: string | null, publicKey: KeyObject): OpenedAnswer {
  if (!signature) return { ok: false, reason: 'signature_missing', detail: 'answer carries no signature' };
  if (!verifyBody(bytes, signature, publicKey)) return { ok: false, reason: 'signature_invalid', detail: 'signature does not match the pinned portal key' };
  if (exceedsJsonDepth(bytes, MAX_JSON_DEPTH)) return { ok: false, reason: 'too_deep', detail: `JSON nested deeper than ${MAX_JSON_DEPTH}` };
  let value: unknown;
  try {
    value = parseJsonSafely(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof ForbiddenKeyError) return { ok: false, reason: 'forbidden_key', detail: error.message };
    return { ok: false, reason: 'malformed', detail: 'body is not JSON' };
  }
  const parsed = syncResponseSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: 'schema_invalid', detail: `invalid sync answer at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}` };
  }
  return { ok: true, answer: parsed.data };
}
