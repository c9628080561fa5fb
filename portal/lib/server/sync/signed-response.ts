import type { KeyObject } from 'node:crypto';
import { SIGNATURE_HEADER, signBody } from '@gatehouse/sidecar/contract/signature';
import type { SyncResponse } from '@gatehouse/sidecar/contract/sync';

/**
 * Serialises a sync answer once and signs exactly those bytes: the sidecar verifies the body it received before
 * parsing it, so the bytes signed and the bytes sent must be the same buffer.
 */
export function signedSyncResponse(feed: SyncResponse, privateKey: KeyObject): Response {
  const body = Buffer.from(JSON.stringify(feed), 'utf8');
  return new Response(body, {
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      [SIGNATURE_HEADER]: signBody(body, privateKey),
    },
  });
}
