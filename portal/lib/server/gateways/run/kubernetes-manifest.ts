import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import { stringify } from 'yaml';
import { gatewaySlug, type RunTarget, SIDECAR_PACKAGE } from '../sidecar-setup';

/**
 * The sidecar as a second container in the backend's Pod (sidecar/deploy/kubernetes/ explained in full): this
 * portal's URL and key in a ConfigMap, the token in a Secret mounted as a file, probes on the admin port. The objects
 * are typed against the Kubernetes API's models, so a misspelt field does not compile; a test validates the output.
 */
export function kubernetesManifest(target: RunTarget): string {
  const slug = gatewaySlug(target.name);
  const app = `${slug}-backend`;
  const labels = { 'app.kubernetes.io/name': app };
  const secret: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `gatehouse-${slug}-token`, labels },
    type: 'Opaque',
    stringData: { token: target.token },
  };
  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `gatehouse-${slug}`, labels },
    data: {
      'sidecar.yaml': stringify({
        portalUrl: target.portalUrl,
        portalPublicKey: target.publicKey,
        tokenFile: '/var/run/secrets/gatehouse/token',
        listen: '0.0.0.0:8080',
        adminListen: '0.0.0.0:8081',
        cachePath: '/var/lib/gatehouse/sidecar.db',
      }),
    },
  };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'backend',
              // Your backend, listening on 127.0.0.1:3000 (the API's backend URL in the portal).
              image: 'registry.example.com/your-backend:latest',
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            },
            {
              name: 'gatehouse-sidecar',
              image: SIDECAR_PACKAGE.image,
              args: ['--config', '/etc/gatehouse/sidecar.yaml'],
              ports: [
                { name: 'gateway', containerPort: 8080 },
                { name: 'admin', containerPort: 8081 },
              ],
              livenessProbe: { httpGet: { path: '/healthz', port: 'admin' }, periodSeconds: 10 },
              readinessProbe: { httpGet: { path: '/readyz', port: 'admin' }, periodSeconds: 5 },
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '384Mi' } },
              securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ['ALL'] } },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/gatehouse', readOnly: true },
                { name: 'token', mountPath: '/var/run/secrets/gatehouse', readOnly: true },
                { name: 'cache', mountPath: '/var/lib/gatehouse' },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: `gatehouse-${slug}` } },
            { name: 'token', secret: { secretName: `gatehouse-${slug}-token`, defaultMode: 0o400 } },
            // Survives container restarts, not the Pod: a persistent volume keeps serving across a Pod restart
            // while the portal is unreachable (README, "Deploying a sidecar").
            { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
            { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
          ],
        },
      },
    },
  };
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app, labels },
    spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'gateway' }] },
  };
  return [secret, config, deployment, service].map((object) => stringify(object)).join('---\n');
}
