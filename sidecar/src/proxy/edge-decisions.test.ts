import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { defaultMaxConnections } from '../fd-limit';
import { parseRequestTarget } from './canonical-path';
import { clientAddress, TrustedProxies } from './trusted-proxies';

const BASE = ['--portal-url', 'http://portal', '--token', 'gwt_0123456789abcdef', '--portal-public-key', `ed25519:${Buffer.alloc(32).toString('base64url')}`];

describe('edge decisions', () => {
  it('a canonical path keeps its bytes and splits off the query as received', () => {
    expect(parseRequestTarget('/a/caf%C3%A9?x=%2F')).toEqual({ ok: true, path: '/a/caf%C3%A9', query: '?x=%2F' });
    for (const bad of ['', '*', 'http://h/x', 'h:80', '/a\\b', '/a%2Fb', '/a%252e', '/a/../b', '/a/..;x', '//h/x', '/a#b', '/a%0a', '/a?b#c', '/a?\x7f']) {
      expect(parseRequestTarget(bad)).toEqual({ ok: false, code: 'BAD_REQUEST_TARGET' });
    }
  });

  it('the client address is the peer unless the peer is trusted; then the first untrusted hop from the right', () => {
    const trusted = new TrustedProxies(['10.0.0.0/8', '::1/128']);
    expect(clientAddress('203.0.113.9', '1.1.1.1', trusted)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '1.1.1.1, 10.0.0.7', trusted)).toBe('1.1.1.1');
    expect(clientAddress('::ffff:10.0.0.2', 'garbage, 2.2.2.2', trusted)).toBe('2.2.2.2');
    expect(clientAddress('::1', 'not-an-ip', trusted)).toBe('::1');
    expect(new TrustedProxies([]).contains('127.0.0.1')).toBe(false);
  });

  it('the connection cap leaves room for upstream sockets and a reserve below the fd limit', () => {
    expect(defaultMaxConnections(1024)).toBe(480);
    expect(defaultMaxConnections(256)).toBe(96);
    expect(defaultMaxConnections(20)).toBe(16);
  });

  it('the new limit flags parse, and bad values are reported, not echoed', () => {
    const ok = parseConfig([...BASE, '--trusted-proxies', '10.0.0.0/8, ::1/128', '--route-max-body-bytes', '/up/v1=100', '--max-connections', '50'], {});
    if (ok.kind !== 'config') throw new Error(JSON.stringify(ok));
    expect(ok.config.trustedProxies).toEqual(['10.0.0.0/8', '::1/128']);
    expect(ok.config.routeMaxBodyBytes.get('/up/v1')).toBe(100);
    expect(ok.config.maxConnections).toBe(50);
    expect(ok.config.headersTimeoutMs).toBe(10_000);
    const bad = parseConfig([...BASE, '--trusted-proxies', '10.0.0.0/33', '--route-max-body-bytes', 'up=x'], {});
    expect(bad.kind).toBe('invalid');
    if (bad.kind === 'invalid') expect(bad.problems.join('\n')).toMatch(/--trusted-proxies.*\n.*--route-max-body-bytes/s);
  });
});
