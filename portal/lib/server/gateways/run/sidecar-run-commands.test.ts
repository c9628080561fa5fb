import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type KubernetesObject, validateKubernetesYaml } from '../../../../../sidecar/deploy/kubernetes-schema';
import { parseConfig } from '../../../../../sidecar/src/config';
import { pinnedPublicKey } from '@gatehouse/sidecar/contract/signature';
import { SIDECAR_PACKAGE } from '../sidecar-setup';
import { sidecarRunCommands } from './sidecar-run-commands';

const target = {
  name: 'Edge EU 1',
  token: 'gwt_0123456789abcdefghijklmnopqrstuv',
  portalUrl: 'https://portal.example.com',
  publicKey: pinnedPublicKey(generateKeyPairSync('ed25519').publicKey),
};
const run = sidecarRunCommands(target);
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('sidecar run commands', () => {
  it('every way to run names this portal, its pinned key and the token exactly once', () => {
    for (const [kind, text] of Object.entries(run)) {
      expect(occurrences(text, target.token), kind).toBe(1);
      expect(text, kind).toContain(target.portalUrl);
      expect(text, kind).toContain(target.publicKey);
    }
  });

  it('npx runs the published package of this release with the token in the environment, not argv', () => {
    expect(run.npx).toMatch(new RegExp(`^GATEHOUSE_GATEWAY_TOKEN=${target.token} npx --yes @gatehouse/sidecar@${SIDECAR_PACKAGE.version} `));
    expect(run.npx).toContain('--cache ./gatehouse-edge-eu-1.db');
    expect(run.npx).not.toContain('tsx');
  });

  it('the npx command parses with the sidecar configuration parser', () => {
    const [assignment, _npx, _yes, _package, ...args] = run.npx.split(' ');
    const [name, value] = (assignment as string).split('=');
    const parsed = parseConfig(args, { [name as string]: value });
    expect(parsed).toMatchObject({ kind: 'config', config: { portalUrl: target.portalUrl, token: target.token, listen: { host: '0.0.0.0', port: 8080 } } });
  });

  it('docker run takes the token from an owner-only env file and runs the image read-only with its cache volume', () => {
    expect(run.docker).toContain(`printf 'GATEHOUSE_GATEWAY_TOKEN=%s\\n' '${target.token}' > gatehouse-edge-eu-1.env`);
    expect(run.docker).toMatch(/^umask 077/);
    for (const part of ['--env-file gatehouse-edge-eu-1.env', '--read-only', '-v gatehouse-edge-eu-1-cache:/var/lib/gatehouse', SIDECAR_PACKAGE.image]) expect(run.docker).toContain(part);
    expect(run.docker).not.toContain(`-e GATEHOUSE_GATEWAY_TOKEN`);
  });

  it('the Kubernetes manifest is valid against the Kubernetes API schema, token in a Secret, config parseable by the sidecar', () => {
    const { objects, problems } = validateKubernetesYaml(run.kubernetes, 'printed manifest');
    expect(problems).toEqual([]);
    expect(objects.map((o) => o.kind)).toEqual(['Secret', 'ConfigMap', 'Deployment', 'Service']);
    const [secret, configMap] = objects as [KubernetesObject, KubernetesObject];
    expect((secret.stringData as Record<string, string>).token).toBe(target.token);
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-k8s-'));
    try {
      const config = (configMap.data as Record<string, string>)['sidecar.yaml'] as string;
      const tokenFile = join(dir, 'token');
      writeFileSync(tokenFile, `${target.token}\n`);
      writeFileSync(join(dir, 'sidecar.yaml'), config.replace('/var/run/secrets/gatehouse/token', tokenFile));
      expect(parseConfig(['--config', join(dir, 'sidecar.yaml')], {})).toMatchObject({ kind: 'config', config: { token: target.token, portalUrl: target.portalUrl } });
      expect(parse(config)).toMatchObject({ portalPublicKey: target.publicKey });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the systemd unit hands the token over as a credential file and runs the installed bin', () => {
    expect(run.systemd).toContain(`sudo npm install -g @gatehouse/sidecar@${SIDECAR_PACKAGE.version}`);
    expect(run.systemd).toContain('LoadCredential=token:/etc/gatehouse/edge-eu-1.token');
    expect(run.systemd).toMatch(/^ExecStart=\/usr\/bin\/env gatehouse-sidecar .*--token-file %d\/token/m);
    expect(run.systemd).toContain('DynamicUser=yes');
  });
});
