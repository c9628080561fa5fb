import { getApiDocument } from '@/lib/server/apis/get-api-document';
import { withErrors } from '@/lib/server/http/handlers';
import { matchesIfNoneMatch } from '@/lib/server/http/if-none-match';

/**
 * The document the API page's reference renders: JSON with a strong ETag. The browser may keep it but asks every
 * time (`no-cache`), so a new version of the document shows at once and an unchanged one costs a 304 and no body.
 * Compression is left to the server: `next start` gzips route handler answers per Accept-Encoding and drops a
 * `content-encoding` a handler sets itself (next/dist/server/send-response.js), so a body compressed here would
 * reach the browser as undecodable bytes.
 */
export const GET = withErrors<{ apiId: string }>(async ({ req, db, params }) => {
  const doc = await getApiDocument(db, params.apiId);
  const headers = { etag: doc.etag, 'cache-control': 'public, no-cache', 'x-content-type-options': 'nosniff' };
  if (matchesIfNoneMatch(req.headers.get('if-none-match'), doc.etag)) return new Response(null, { status: 304, headers });
  const body = new Uint8Array(doc.json.buffer, doc.json.byteOffset, doc.json.length) as Uint8Array<ArrayBuffer>;
  return new Response(body, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.byteLength) } });
});
