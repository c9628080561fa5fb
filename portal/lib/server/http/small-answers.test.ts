import { describe, expect, it } from 'vitest';
import { sendSmallAnswersAsIs } from './small-answers';

describe('small JSON answers go out uncompressed', () => {
  it('marks a small answer no-transform, keeping its status, headers, cache policy and body', async () => {
    const res = await sendSmallAnswersAsIs(Response.json({ name: 'café ☕' }, { status: 201, headers: { etag: '"x"', 'cache-control': 'public, no-cache' } }));
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"x"');
    expect(res.headers.get('cache-control')).toBe('public, no-cache, no-transform');
    expect(await res.json()).toEqual({ name: 'café ☕' });
  });

  it('leaves answers larger than one TCP segment to compression, and problem+json is JSON too', async () => {
    const big = await sendSmallAnswersAsIs(Response.json({ text: 'x'.repeat(2000) }));
    expect(big.headers.get('cache-control')).toBeNull();
    expect((await big.json()).text).toHaveLength(2000);
    const problem = await sendSmallAnswersAsIs(new Response('{"title":"Not found"}', { status: 404, headers: { 'content-type': 'application/problem+json' } }));
    expect(problem.headers.get('cache-control')).toBe('no-transform');
  });

  it('returns other bodies, and bodiless answers, untouched', async () => {
    const stream = new Response(new ReadableStream({ start: (c) => c.close() }), { headers: { 'content-type': 'text/event-stream' } });
    expect(await sendSmallAnswersAsIs(stream)).toBe(stream);
    const empty = new Response(null, { status: 304 });
    expect(await sendSmallAnswersAsIs(empty)).toBe(empty);
  });

  it('hands an answer that states a large length through without reading it', async () => {
    const big = new Response(new Uint8Array(5000), { headers: { 'content-type': 'application/json', 'content-length': '5000' } });
    expect(await sendSmallAnswersAsIs(big)).toBe(big);
  });
});
