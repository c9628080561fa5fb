import { getApiDocument } from '@/lib/server/apis/get-api-document';
import { withErrors } from '@/lib/server/http/handlers';
import { matchesIfNoneMatch, negotiateEncoding } from '@/lib/server/http/negotiate-encoding';

/**
 * The document the API page's reference renders: JSON, compressed per Accept-Encoding, with a strong ETag. The
 * browser may keep it but asks every time (`no-cache`), so a new version of the document shows at once and an
 * unchanged one costs a 304.
 */
export const GET = withErrors<{ apiId: string }>(async ({ req, db, params }) => {
  const doc = await getApiDocument(db, params.apiId);
  const encoding = negotiateEncoding(req.headers.get('accept-encoding'));
  const etag = doc.etag(encoding);
  const headers: Record<string, string> = { etag, 'cache-control': 'public, no-cache', vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff' };
  if (matchesIfNoneMatch(req.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  const body = await doc.body(encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.length) as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) } });
});
