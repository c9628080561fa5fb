/** One TCP segment's payload on an Ethernet path: compressing a body that fits in one saves no packet and no trip. */
export const UNCOMPRESSED_MAX_BYTES = 1460;

/**
 * Small JSON answers go out uncompressed. Route handlers answer with `Response.json`, whose body Next.js streams
 * without a length (it also drops any Content-Length a handler sets), so the compression it applies gzips every
 * answer, however small: one zlib stream per answer was about a fifth of the portal's busy CPU under load for bodies
 * of a few hundred bytes (CPU profile of 20 users on the catalog). `Cache-Control: no-transform` is the one signal
 * that compression honours per answer, and is harmless on a body this small. Larger answers are compressed as
 * before. Only JSON is buffered: it is built in memory anyway, while other bodies may be streams meant to stay so.
 */
export async function sendSmallAnswersAsIs(res: Response): Promise<Response> {
  if (!res.body || !/json/i.test(res.headers.get('content-type') ?? '')) return res;
  const body = await res.arrayBuffer();
  const headers = new Headers(res.headers);
  if (body.byteLength <= UNCOMPRESSED_MAX_BYTES) {
    const cacheControl = headers.get('cache-control');
    if (!/no-transform/i.test(cacheControl ?? '')) headers.set('cache-control', cacheControl ? `${cacheControl}, no-transform` : 'no-transform');
  }
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}
