import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../contract/key-format';
import type { ScriptedAnswer } from '../test-support/fake-portal';
import { httpRequest } from '../test-support/http-client';
import { signWithTestKey, strangerKey } from '../test-support/portal-keys';
import { waitFor } from '../test-support/wait-for';
import { startSyncedWorld, type SyncedWorld } from './support/synced-world';

let w: SyncedWorld;
beforeAll(async () => {
  w = await startSyncedWorld(['--sync-max-body-bytes', '65536']);
});
afterAll(() => w.stop());
afterEach(async () => {
  // Back to a healthy loop between scenarios: no script, the poll parked at the portal's revision.
  w.portal.state.intercept = null;
  await waitFor(w.parked, 'the loop to park again');
});

/**
 * Serves one hostile answer and checks the guarantees every rejection shares: counted under its reason, the last
 * good state kept (same revision, the good key still admitted), the reason visible on /readyz.
 */
async function expectRejected(reason: string, scripted: (since: number) => ScriptedAnswer) {
  await waitFor(w.parked, 'a parked poll to wake');
  const before = await w.rejections(reason);
  const revision = w.sidecar.cache.meta.revision;
  w.script(scripted);
  await waitFor(async () => (await w.rejections(reason)) === before + 1, `a ${reason} rejection`);
  expect(w.sidecar.cache.meta.revision).toBe(revision + 1); // the empty wake-up revision applied, the hostile one not
  expect(w.sidecar.cache.meta.environment).toBe('default');
  expect(w.sidecar.cache.index.counts().keys).toBe(4);
  expect((await w.call(w.world.keys.good)).status).toBe(200);
  expect(w.sidecar.sync.state.lastReason).toBe(reason);
  const ready = await httpRequest(w.sidecar.adminPort, '/readyz');
  expect(ready.status).toBe(200);
  expect(ready.json().syncError).toEqual(expect.any(String));
}

/** A body the real portal could have sent at `since`, changed by `edit`, as exact JSON text. */
const edited = (since: number, edit: (answer: Record<string, unknown>) => Record<string, unknown>) => JSON.stringify(edit({ ...w.portal.answerFor(since) }));

describe('hostile or broken sync answers are rejected and the last good state kept', () => {
  it('an answer without a signature is rejected', async () => {
    await expectRejected('signature_missing', () => ({ signature: null }));
  });

  it('an answer signed by a key other than the pinned one is rejected', async () => {
    await expectRejected('signature_invalid', (since) => {
      const body = edited(since, (a) => a);
      return { body, signature: signWithTestKey(Buffer.from(body), strangerKey()) };
    });
  });

  it('a body changed after signing is rejected (the signature covers the exact bytes)', async () => {
    await expectRejected('signature_invalid', (since) => {
      const body = edited(since, (a) => a);
      return { body: body.replace('"default"', '"defaulx"'), signature: signWithTestKey(Buffer.from(body)) };
    });
  });

  it('a garbled signature header is rejected', async () => {
    await expectRejected('signature_invalid', () => ({ signature: 'AAAA not base64 !!' }));
  });

  it('a body over the size limit is rejected before it is verified or parsed', async () => {
    await expectRejected('too_large', (since) => ({ body: edited(since, (a) => ({ ...a, settings: { corsOrigins: ['x'.repeat(70_000)] } })) }));
  });

  it('deeply nested JSON is rejected on the raw bytes, before the parser sees it', async () => {
    await expectRejected('too_deep', () => ({ body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` }));
  });

  it('a signed body that is not JSON is rejected as malformed', async () => {
    await expectRejected('malformed', () => ({ body: '{"protocol":1,"environment":' }));
  });

  it('a __proto__ key is rejected and never reaches any prototype', async () => {
    await expectRejected('forbidden_key', (since) => ({
      body: edited(since, (a) => a).replace('"settings":{', '"settings":{"__proto__":{"polluted":true},'),
    }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a constructor key spelled with a unicode escape is rejected too', async () => {
    await expectRejected('forbidden_key', (since) => ({ body: edited(since, (a) => a).replace('{', '{"\\u0063onstructor":{"prototype":{}},') }));
  });

  it('a body missing required fields is rejected by the contract schema', async () => {
    await expectRejected('schema_invalid', () => ({ body: { protocol: 1, environment: 'default' } }));
  });

  it('a key entry with an unexpected field is rejected (strict objects: nothing unvetted reaches the cache)', async () => {
    await expectRejected('schema_invalid', (since) => ({
      body: edited(since, (a) => ({ ...a, changes: [{ kind: 'key', id: 'k', data: { hash: 'a'.repeat(64), keyId: 'k', appId: 'a', expiresAt: null, admin: true } }] })),
    }));
  });

  it('a replayed old signed answer (a rollback to an older revision) is rejected', async () => {
    const first = w.portal.sent[0];
    if (!first) throw new Error('no answer sent yet');
    await expectRejected('older_revision', () => ({ body: first.bytes.toString('utf8'), signature: first.signature }));
  });

  it("another environment's payload is rejected", async () => {
    await expectRejected('other_environment', (since) => ({ body: edited(since, (a) => ({ ...a, environment: 'prod', revision: Number(a.revision) + 5 })) }));
  });

  it('an empty snapshot cannot replace a non-empty cache without reset: true', async () => {
    await expectRejected('empty_snapshot', (since) => ({
      body: edited(since, (a) => ({ ...a, mode: 'snapshot', since: 0, revision: Number(a.revision) + 5, changes: [] })),
    }));
  });

  it('a delta that starts after the cached revision is rejected (changes in between would be missing)', async () => {
    await expectRejected('delta_gap', (since) => ({
      body: edited(since, (a) => ({ ...a, mode: 'delta', since: since + 3, revision: since + 5, changes: [] })),
    }));
  });

  it('a streak of the same rejection is logged once, a new reason once more, and no log line holds key material', async () => {
    const warnings = () => w.log.lines().filter((l) => l.msg === 'sync answer rejected, keeping the last good state');
    const before = warnings().length;
    const base = await w.rejections('signature_missing');
    const run = w.script(() => ({ signature: null }), 5);
    await waitFor(async () => run.done() && (await w.rejections('signature_missing')) === base + 5, 'five rejections in a row');
    expect(warnings().length).toBe(before + 1);
    await expectRejected('malformed', () => ({ body: 'nope' }));
    expect(warnings().length).toBe(before + 2);
    expect(warnings().at(-1)).toMatchObject({ reason: 'malformed', revision: w.sidecar.cache.meta.revision });
    const logged = w.log.text();
    for (const key of Object.values(w.world.keys)) {
      expect(logged).not.toContain(key);
      expect(logged).not.toContain(hashApiKey(key));
    }
  });

  it('rejections are exposed on /metrics by reason', async () => {
    const text = (await httpRequest(w.sidecar.adminPort, '/metrics')).body;
    expect(text).toMatch(/gatehouse_sync_rejections_total\{reason="signature_invalid"\} [1-9]/);
    expect(text).toMatch(/gatehouse_sync_rejections_total\{reason="older_revision"\} 1/);
  });
});
