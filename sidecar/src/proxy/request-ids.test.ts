import { describe, expect, it } from 'vitest';
import { createRequestIds, REQUEST_ID_PATTERN } from './request-ids';

describe('request ids', () => {
  it('are distinct within a process and across processes (restarts, replicas)', () => {
    const one = createRequestIds();
    const other = createRequestIds();
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      ids.add(one());
      ids.add(other());
    }
    expect(ids.size).toBe(20_000);
    for (const id of [one(), other()]) expect(id).toMatch(REQUEST_ID_PATTERN);
  });
});
