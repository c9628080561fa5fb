import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { pinnedPublicKey } from './contract/signature';

const pinned = pinnedPublicKey(generateKeyPairSync('ed25519').publicKey);
const required = ['--portal-url', 'https://portal.example.com/', '--token', 'gwt_abcdefghijkl', '--portal-public-key', pinned];

describe('sidecar configuration', () => {
  it('defaults fill everything but the portal URL, token and pinned public key', () => {
    const result = parseConfig(required, {});
    expect(result.kind).toBe('config');
    if (result.kind !== 'config') return;
    expect(result.config).toMatchObject({
      portalUrl: 'https://portal.example.com',
      listen: { host: '127.0.0.1', port: 8080 },
      adminListen: { host: '127.0.0.1', port: 8081 },
      cachePath: './data/sidecar.db',
      syncWaitMs: 25_000,
      syncMaxBodyBytes: 64 * 1024 * 1024,
      protocolRetryMs: 600_000,
      upstreamTimeoutMs: 30_000,
      logLevel: 'info',
    });
    expect(result.config.maxStalenessS).toBeUndefined();
    expect(result.config.nodeId).toMatch(/.+-[0-9a-f]{8}$/);
    expect(result.config.portalPublicKey.asymmetricKeyType).toBe('ed25519');
  });

  it('the pinned public key is read from GATEHOUSE_PORTAL_PUBLIC_KEY too', () => {
    const result = parseConfig(required.slice(0, 4), { GATEHOUSE_PORTAL_PUBLIC_KEY: pinned });
    expect(result.kind).toBe('config');
  });

  it('a pinned public key that is not ed25519:<base64url> is a listed problem that does not echo the value', () => {
    for (const bad of ['abc', 'ed25519:short', `rsa:${pinned.slice(8)}`]) {
      const result = parseConfig([...required.slice(0, 4), '--portal-public-key', bad], {});
      expect(result.kind).toBe('invalid');
      if (result.kind !== 'invalid') continue;
      expect(result.problems).toEqual([expect.stringMatching(/^--portal-public-key \(GATEHOUSE_PORTAL_PUBLIC_KEY\): must be ed25519:/)]);
      expect(result.problems.join('\n')).not.toContain(bad);
    }
  });

  it('reads environment variables and lets flags win over them', () => {
    const env = { GATEHOUSE_PORTAL_URL: 'http://p:3000', GATEHOUSE_GATEWAY_TOKEN: 'gwt_fromenv12345', GATEHOUSE_LISTEN: '0.0.0.0:9000', GATEHOUSE_MAX_STALENESS_S: '60', GATEHOUSE_PORTAL_PUBLIC_KEY: pinned };
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
      problems: [
        '--portal-url (GATEHOUSE_PORTAL_URL): is required',
        '--token (GATEHOUSE_GATEWAY_TOKEN): is required',
        '--portal-public-key (GATEHOUSE_PORTAL_PUBLIC_KEY): is required',
      ],
    });
  });

  it('refuses a max staleness a healthy idle connection would exceed', () => {
    const result = parseConfig([...required, '--max-staleness-s', '30', '--sync-wait-ms', '25000'], {});
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.problems.join()).toContain('twice the sync wait (50 s)');
    expect(parseConfig([...required, '--max-staleness-s', '50', '--sync-wait-ms', '25000'], {}).kind).toBe('config');
  });

  it('--help asks for usage instead of a config', () => {
    expect(parseConfig(['--help'], {}).kind).toBe('help');
  });
});
