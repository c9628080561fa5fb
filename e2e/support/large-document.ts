import fs from 'node:fs';
import path from 'node:path';
import { placeAt, refClosure } from '../../portal/lib/openapi/ref-closure';

type JsonObject = Record<string, unknown>;

/**
 * A real document of about `targetBytes`: GitHub Enterprise Server's REST description (Octokit's package) cut to its
 * first paths, in document order, with every component they reach and nothing else; its webhooks are left out.
 * Sizes are of the minified JSON, as the portal stores it.
 */
export function githubEnterpriseSubset(targetBytes: number, title: string): string {
  const file = path.resolve('node_modules/@octokit/openapi/generated/ghes-3.17.json');
  const full = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonObject;
  const entries = Object.entries(full.paths as JsonObject);
  const build = (count: number) => {
    const { paths: _paths, components: _components, webhooks: _webhooks, 'x-webhooks': _xWebhooks, ...rest } = full;
    const doc: JsonObject = { ...rest, info: { ...(full.info as JsonObject), title }, paths: Object.fromEntries(entries.slice(0, count)), components: {} };
    placeAt(doc, refClosure(full, [doc.paths]));
    return JSON.stringify(doc);
  };
  // The smallest number of paths whose document reaches the target (size grows with the count).
  let lo = 1;
  let hi = entries.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (build(mid).length < targetBytes) lo = mid + 1;
    else hi = mid;
  }
  return build(lo);
}
