/** One TCP segment's payload on an Ethernet path: compressing a body that fits in one saves no packet and no trip. */
export const UNCOMPRESSED_MAX_BYTES = 1460;

/**
 * Small JSON answers go out uncompressed. Route handlers answer with `Response.json`, whose body Next.js streams
 * without a length (it also drops any Content-Length a handler sets), so the compression it applies gzips every
 * answer, however small: one zlib stream per answer was about a fifth of the portal's busy CPU under load for bodies
 * of a few hundred bytes (CPU profile of 20 users on the catalog). `Cache-Control: no-transform` is the one signal
 * that compression honours per answer, and is harmless on a body this small. Larger answers are compressed as
 * before. Only JSON whose length is not stated is buffered: it is built in memory anyway, while other bodies may be
 * streams meant to stay so.
 */
export async function sendSmallAnswersAsIs(res: Response): Promise<Response> {
  if (!res.body || !/json/i.test(res.headers.get('content-type') ?? '')) return res;
  // A handler that states its length (a stored document, up to 25 MiB) is not read again to measure it.
  const stated = res.headers.get('content-length');
  if (stated !== null) return Number(stated) > UNCOMPRESSED_MAX_BYTES ? res : sentAsIs(res.body, res);
  const body = await res.arrayBuffer();
  return body.byteLength > UNCOMPRESSED_MAX_BYTES ? new Response(body, res) : sentAsIs(body, res);
}

function sentAsIs(body: BodyInit, res: Response): Response {
  const headers = new Headers(res.headers);
  const cacheControl = headers.get('cache-control');
  if (!/no-transform/i.test(cacheControl ?? '')) headers.set('cache-control', cacheControl ? `${cacheControl}, no-transform` : 'no-transform');
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}
