import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { FLAGS } from './config-flags';
import { pinnedPublicKey } from './contract/signature';
import { tempDir } from './test-support/harness';

const pinned = pinnedPublicKey(generateKeyPairSync('ed25519').publicKey);
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

function file(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

const complete = () => `portalUrl: https://portal.example.com\ntoken: gwt_fromfile12345\nportalPublicKey: ${pinned}\n`;

describe('sidecar config file', () => {
  it('a YAML file alone configures the sidecar, numbers and addresses included', () => {
    const config = file('sidecar.yaml', `${complete()}listen: 0.0.0.0:9000\nsyncWaitMs: 1000\nmaxStalenessS: 60\nrateLimits: off\n`);
    const result = parseConfig(['--config', config], {});
    expect(result).toMatchObject({
      kind: 'config',
      config: { portalUrl: 'https://portal.example.com', token: 'gwt_fromfile12345', listen: { host: '0.0.0.0', port: 9000 }, syncWaitMs: 1000, maxStalenessS: 60, rateLimits: false },
    });
  });

  it('precedence is flags over environment over file over defaults', () => {
    const config = file('sidecar.yaml', `${complete()}listen: 0.0.0.0:9000\nadminListen: 0.0.0.0:9001\nsyncWaitMs: 1000\n`);
    const result = parseConfig(['--listen', '127.0.0.1:7000'], { GATEHOUSE_CONFIG: config, GATEHOUSE_LISTEN: '127.0.0.1:7500', GATEHOUSE_ADMIN_LISTEN: '127.0.0.1:7501' });
    expect(result).toMatchObject({
      kind: 'config',
      config: { listen: { port: 7000 }, adminListen: { port: 7501 }, syncWaitMs: 1000, upstreamTimeoutMs: 30_000 },
    });
  });

  it('every option of the schema is a key of the file, so new options need no file code', () => {
    const lines = FLAGS.map((spec) => `${spec.key}: null`).join('\n');
    const result = parseConfig(['--config', file('all.yaml', lines)], {});
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.problems.filter((p) => p.includes('unknown setting'))).toEqual([]);
  });

  it('invalid file settings are all listed with the file and key, without echoing values', () => {
    const config = file('bad.yaml', 'portalUrl: ftp://nope\ntoken: secret-value\nportalPublicKey: [a, b]\nsyncWaitMs: soon\nfrobnicate: 1\n');
    const result = parseConfig(['--config', config], {});
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        `${config}: frobnicate: unknown setting`,
        `${config}: portalPublicKey: must be a single value, not a list or mapping`,
        expect.stringMatching(new RegExp(`^${config}: portalUrl: `)),
        expect.stringMatching(new RegExp(`^${config}: token: must start with "gwt_"`)),
        expect.stringMatching(new RegExp(`^${config}: syncWaitMs: must be a number`)),
      ]),
    );
    expect(result.problems.join('\n')).not.toContain('secret-value');
  });

  it('a YAML syntax error names the file and line; a missing file names the file', () => {
    const broken = file('broken.yaml', 'portalUrl: https://p\nlisten: [0.0.0.0:8080\n');
    const result = parseConfig(['--config', broken], {});
    expect(result.kind === 'invalid' && result.problems[0]).toMatch(new RegExp(`^${broken}: line \\d+, column \\d+: not valid YAML`));
    const missing = join(dir.path, 'missing.yaml');
    const absent = parseConfig(['--config', missing], {});
    expect(absent.kind === 'invalid' && absent.problems).toContain(`${missing}: cannot be read (ENOENT)`);
  });

  it('the token can come from a file (a mounted Secret), its trailing newline ignored', () => {
    const token = file('token', 'gwt_fromsecret1234\n');
    const config = file('sidecar.yaml', `portalUrl: https://p.example\nportalPublicKey: ${pinned}\ntokenFile: ${token}\n`);
    expect(parseConfig(['--config', config], {})).toMatchObject({ kind: 'config', config: { token: 'gwt_fromsecret1234' } });
    expect(parseConfig(['--portal-url', 'https://p.example', '--portal-public-key', pinned, '--token-file', token], {})).toMatchObject({
      kind: 'config',
      config: { token: 'gwt_fromsecret1234' },
    });
    // An environment token beats a token file named in the config file, as any environment setting beats the file.
    expect(parseConfig(['--config', config], { GATEHOUSE_GATEWAY_TOKEN: 'gwt_fromenv123456' })).toMatchObject({ config: { token: 'gwt_fromenv123456' } });
  });

  it('a token file that is missing, empty or set beside a token is a named problem', () => {
    const empty = file('empty', '\n');
    const base = ['--portal-url', 'https://p.example', '--portal-public-key', pinned];
    const missing = parseConfig([...base, '--token-file', join(dir.path, 'nope')], {});
    expect(missing.kind === 'invalid' && missing.problems).toContain(`--token-file (GATEHOUSE_GATEWAY_TOKEN_FILE): cannot read ${join(dir.path, 'nope')} (ENOENT)`);
    const blank = parseConfig([...base, '--token-file', empty], {});
    expect(blank.kind === 'invalid' && blank.problems).toContain(`--token-file (GATEHOUSE_GATEWAY_TOKEN_FILE): ${empty} is empty`);
    const both = parseConfig([...base, '--token-file', empty, '--token', 'gwt_abcdefghijkl'], {});
    expect(both.kind === 'invalid' && both.problems.join()).toContain('set either the token or a token file, not both');
  });

  it('a token read from a file that is malformed is named by the file, not echoed', () => {
    const token = file('token', 'not-a-gateway-token');
    const result = parseConfig(['--portal-url', 'https://p.example', '--portal-public-key', pinned, '--token-file', token], {});
    expect(result.kind === 'invalid' && result.problems).toEqual([`--token-file (GATEHOUSE_GATEWAY_TOKEN_FILE) (${token}): must start with "gwt_"`]);
  });

  it('--version asks for the version instead of a config', () => {
    expect(parseConfig(['--version'], {}).kind).toBe('version');
  });
});
