import { Service } from 'kubernetes-models/v1/Service';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { parseAllDocuments } from 'yaml';

/** The kinds our manifests use, each checked against the Kubernetes API's OpenAPI schema (kubernetes-models). */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Service': Service,
  'v1/Secret': Secret,
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
};

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [field: string]: unknown;
}

/** Parses a multi-document YAML text and validates every object; returns the objects and every problem found. */
export function validateKubernetesYaml(text: string, source: string): { objects: KubernetesObject[]; problems: string[] } {
  const objects: KubernetesObject[] = [];
  const problems: string[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      problems.push(...document.errors.map((error) => `${source}: ${error.message}`));
      continue;
    }
    const object = document.toJS() as KubernetesObject | null;
    if (object === null) continue;
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!Model) {
      problems.push(`${source}: ${object.apiVersion}/${object.kind} is not a kind these manifests are checked for`);
      continue;
    }
    try {
      new Model(object as never).validate();
      objects.push(object);
    } catch (error) {
      problems.push(`${source}: ${object.kind} ${object.metadata?.name}: ${(error as Error).message}`);
    }
  }
  return { objects, problems };
}
