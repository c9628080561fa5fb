import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

const required = ['--portal-url', 'https://portal.example.com/', '--token', 'gwt_abcdefghijkl'];

describe('sidecar configuration', () => {
  it('defaults fill everything but the portal URL and token', () => {
    const result = parseConfig(required, {});
    expect(result.kind).toBe('config');
    if (result.kind !== 'config') return;
    expect(result.config).toMatchObject({
      portalUrl: 'https://portal.example.com',
      listen: { host: '127.0.0.1', port: 8080 },
      adminListen: { host: '127.0.0.1', port: 8081 },
      cachePath: './data/sidecar.db',
      syncWaitMs: 25_000,
      upstreamTimeoutMs: 30_000,
      logLevel: 'info',
    });
    expect(result.config.maxStalenessS).toBeUndefined();
    expect(result.config.nodeId).toMatch(/.+-[0-9a-f]{8}$/);
  });

  it('reads environment variables and lets flags win over them', () => {
    const env = { GATEHOUSE_PORTAL_URL: 'http://p:3000', GATEHOUSE_GATEWAY_TOKEN: 'gwt_fromenv12345', GATEHOUSE_LISTEN: '0.0.0.0:9000', GATEHOUSE_MAX_STALENESS_S: '60' };
    const result = parseConfig(['--listen=[::1]:9100', '--node-id', 'edge-1'], env);
    expect(result).toMatchObject({
      kind: 'config',
      config: { portalUrl: 'http://p:3000', token: 'gwt_fromenv12345', listen: { host: '::1', port: 9100 }, maxStalenessS: 60, nodeId: 'edge-1' },
    });
  });

  it('invalid configuration lists every problem, not just the first', () => {
    const result = parseConfig(['--token', 'secret-value', '--portal-url', 'ftp://x', '--listen', 'nope', '--sync-wait-ms', 'abc', '--frobnicate'], {
      GATEHOUSE_MAX_STALENESS_S: '-1',
    });
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    const text = result.problems.join('\n');
    for (const flag of ['--frobnicate', '--portal-url', '--token', '--listen', '--sync-wait-ms', '--max-staleness-s']) expect(text).toContain(flag);
    expect(text).not.toContain('secret-value');
  });

  it('missing required settings are reported by flag and variable name', () => {
    const result = parseConfig([], {});
    expect(result).toEqual({
      kind: 'invalid',
      problems: ['--portal-url (GATEHOUSE_PORTAL_URL): is required', '--token (GATEHOUSE_GATEWAY_TOKEN): is required'],
    });
  });

  it('--help asks for usage instead of a config', () => {
    expect(parseConfig(['--help'], {}).kind).toBe('help');
  });
});
