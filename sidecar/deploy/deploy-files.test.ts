import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../src/config';
import { pinnedPublicKey } from '../src/contract/signature';
import { tempDir } from '../src/test-support/harness';
import { type KubernetesObject, validateKubernetesYaml } from './kubernetes-schema';

const dir = join(import.meta.dirname, 'kubernetes');
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
const all = files.flatMap((name) => {
  const { objects, problems } = validateKubernetesYaml(readFileSync(join(dir, name), 'utf8'), name);
  return [{ name, objects, problems }];
});
const objects = all.flatMap((file) => file.objects);
const byKind = (kind: string) => objects.filter((o) => o.kind === kind);

interface Container {
  name: string;
  args?: string[];
  securityContext?: Record<string, unknown>;
  resources?: { requests?: unknown; limits?: unknown };
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
  ports?: { name: string; containerPort: number }[];
}
const podSpec = (workload: KubernetesObject) => (workload.spec as { template: { spec: { containers: Container[]; volumes: { name: string; emptyDir?: unknown; secret?: unknown }[] } } }).template.spec;
const sidecarOf = (workload: KubernetesObject) => podSpec(workload).containers.find((c) => c.name === 'gatehouse-sidecar') as Container;

describe('Kubernetes manifests', () => {
  it('every manifest is valid against the Kubernetes API schema', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(all.flatMap((file) => file.problems)).toEqual([]);
  });

  it('the schema check is real: a wrongly typed field is refused', () => {
    const broken = readFileSync(join(dir, 'deployment.yaml'), 'utf8').replace('containerPort: 8080', 'containerPort: "eighty"');
    expect(validateKubernetesYaml(broken, 'broken.yaml').problems.join()).toMatch(/containerPort must be integer/);
  });

  it('the sidecar runs beside the backend in one Pod, non-root, read-only, without privilege escalation, with resources', () => {
    const workloads = [...byKind('Deployment'), ...byKind('StatefulSet')];
    expect(workloads.length).toBe(2);
    for (const workload of workloads) {
      expect(podSpec(workload).containers.map((c) => c.name)).toEqual(['backend', 'gatehouse-sidecar']);
      const sidecar = sidecarOf(workload);
      expect(sidecar.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false });
      expect(sidecar.resources?.requests).toBeDefined();
      expect(sidecar.resources?.limits).toBeDefined();
      expect(sidecar.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'admin' });
      expect(sidecar.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'admin' });
      expect(sidecar.ports).toEqual([{ name: 'gateway', containerPort: 8080 }, { name: 'admin', containerPort: 8081 }]);
    }
    expect(podSpec(byKind('Deployment')[0] as KubernetesObject).volumes.find((v) => v.name === 'cache')?.emptyDir).toBeDefined();
    expect(((byKind('StatefulSet')[0] as KubernetesObject).spec as { volumeClaimTemplates: { metadata: { name: string } }[] }).volumeClaimTemplates[0]?.metadata.name).toBe('cache');
  });

  it('the Service points at the sidecar port, never at the backend', () => {
    const service = byKind('Service')[0] as KubernetesObject;
    expect((service.spec as { ports: { targetPort: string }[] }).ports.map((p) => p.targetPort)).toEqual(['gateway']);
  });

  it('the config file in the ConfigMap parses with the sidecar schema, the token coming from the mounted Secret', () => {
    const configMap = byKind('ConfigMap')[0] as KubernetesObject;
    const text = (configMap.data as Record<string, string>)['sidecar.yaml'] as string;
    expect((parse(text) as Record<string, string>).tokenFile).toBe('/var/run/secrets/gatehouse/token');
    expect(text).not.toMatch(/^token:/m);
    // With the placeholders filled in (public key; token from a flag, which beats the file's token file) it is valid.
    const scratch = tempDir();
    try {
      const file = join(scratch.path, 'sidecar.yaml');
      writeFileSync(file, text.replace(/ed25519:\S+/, pinnedPublicKey(generateKeyPairSync('ed25519').publicKey)));
      expect(parseConfig(['--config', file, '--token', 'gwt_abcdefghijkl'], {})).toMatchObject({
        kind: 'config',
        config: { listen: { host: '0.0.0.0', port: 8080 }, adminListen: { host: '0.0.0.0', port: 8081 }, cachePath: '/var/lib/gatehouse/sidecar.db' },
      });
    } finally {
      scratch.remove();
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(import.meta.dirname, '..', 'Dockerfile'), 'utf8');
  it('is multi-stage on Node 24 slim, non-root, with an init, a readiness healthcheck, the cache volume and both ports', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBe(2);
    expect(dockerfile).toMatch(/ARG NODE_IMAGE=node:24-[a-z]+-slim/);
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/readyz/m);
    expect(dockerfile).toMatch(/^VOLUME \/var\/lib\/gatehouse$/m);
    expect(dockerfile).toMatch(/^EXPOSE 8080 8081$/m);
    expect(dockerfile).toMatch(/COPY gatehouse-sidecar-\*\.tgz/);
    expect(dockerfile).not.toMatch(/GATEHOUSE_GATEWAY_TOKEN|gwt_/);
  });
});
