import 'server-only';
import { createHash } from 'node:crypto';
import { dropExternalRefs } from './external-refs';
import { readOpenApiText } from './read-openapi-text';

/** A catalog API's document as the reference receives it: JSON bytes and their strong validator. */
export interface ServedDocument {
  /** The `updated_at` of the row it was made from: the cache's key (get-api-document.ts). */
  version: string;
  json: Buffer;
  /** A strong ETag: a hash of exactly these bytes. */
  etag: string;
}

/**
 * The served form of a stored document. Imports store minified JSON without external `$ref`s; documents stored
 * before that (and the demo seed) may be YAML or point elsewhere, so every document is read once here, external
 * references are replaced by a note, and the result is JSON. The reader's browser gets no URL the portal did not
 * choose, and parses JSON, which is many times faster than YAML.
 */
export function toServedDocument(stored: string, version: string): ServedDocument {
  const read = readOpenApiText(stored);
  // A stored document was validated when it was written; one that no longer reads is served as an empty object
  // rather than as text the reference cannot use.
  const value = read.ok ? read.value : {};
  const dropped = dropExternalRefs(value);
  const json = Buffer.from(stored.startsWith('{') && dropped === 0 ? stored : JSON.stringify(value), 'utf8');
  return { version, json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"` };
}
