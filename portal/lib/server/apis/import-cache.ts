import 'server-only';
import { createHash } from 'node:crypto';
import { type ProcessedOpenApi, processOpenApi } from './process-openapi';

const MAX_ENTRIES = 16;
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
const TTL_MS = 15 * 60 * 1000;

const cache = new Map<string, { at: number; result: ProcessedOpenApi; bytes: number }>();
let queue: Promise<unknown> = Promise.resolve();

/** How many documents this process has processed (cache misses): what shows that validate-then-create works once. */
export const importStats = { processed: 0 };

function remember(key: string, result: ProcessedOpenApi): void {
  const bytes = result.valid ? result.document.length : 0;
  cache.set(key, { at: Date.now(), result, bytes });
  let total = 0;
  for (const entry of cache.values()) total += entry.bytes;
  // Map iteration is insertion order, so the oldest entries go first.
  for (const [k, entry] of cache) {
    if (cache.size <= MAX_ENTRIES && total <= MAX_CACHED_BYTES) break;
    cache.delete(k);
    total -= entry.bytes;
  }
}

/**
 * processOpenApi, once per document text. The import form validates a document as it arrives and then creates the
 * API from the same text: keyed by the text's SHA-256, the create finds the validation's result instead of doing the
 * work again (about 6 s for GitHub's description). A replica that has not seen the text simply does it. Imports run
 * one at a time per process, so two large documents never sit in memory at once.
 */
export async function processOpenApiOnce(text: string): Promise<ProcessedOpenApi> {
  const key = createHash('sha256').update(text).digest('base64url');
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.result;
  const run = queue.then(() => {
    importStats.processed++;
    return processOpenApi(text);
  });
  queue = run.catch(() => undefined);
  const result = await run;
  remember(key, result);
  return result;
}
