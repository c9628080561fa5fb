import 'server-only';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { dropExternalRefs } from './external-refs';
import { readOpenApiText } from './read-openapi-text';

export type Encoding = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** A catalog API's document as the reference receives it: JSON, compressed once per encoding, with a validator. */
export class ServedDocument {
  /** A hash of the JSON bytes; each encoding's strong ETag adds the coding (RFC 9110: codings are representations). */
  readonly hash: string;
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(
    readonly version: string,
    readonly json: Buffer,
  ) {
    this.hash = createHash('sha256').update(json).digest('base64url').slice(0, 32);
    this.encoded.set('identity', Promise.resolve(json));
  }

  etag(encoding: Encoding): string {
    return encoding === 'identity' ? `"${this.hash}"` : `"${this.hash}-${encoding}"`;
  }

  /** Compresses on first use and keeps the result. Brotli at quality 5: near gzip's speed, well under its size. */
  body(encoding: Encoding): Promise<Buffer> {
    let body = this.encoded.get(encoding);
    if (!body) {
      body = encoding === 'br' ? brotli(this.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: this.json.length } }) : gz(this.json, { level: 6 });
      this.encoded.set(encoding, body);
    }
    return body;
  }

  /** What the cache holds for this document so far (the bound of served-document-cache.ts counts it). */
  async bytes(): Promise<number> {
    let total = 0;
    for (const b of this.encoded.values()) total += (await b).length;
    return total;
  }
}

/**
 * The served form of a stored document. Imports store minified JSON without external `$ref`s; documents stored
 * before that (and the demo seed) may be YAML or point elsewhere, so every document is read once here, external
 * references are replaced by a note, and the result is JSON. The reader's browser gets no URL the portal did not choose.
 */
export function toServedDocument(stored: string, version: string): ServedDocument {
  const read = readOpenApiText(stored);
  // A stored document was validated when it was written; one that no longer reads is served as an empty object
  // rather than as text the reference cannot use.
  const value = read.ok ? read.value : {};
  const dropped = dropExternalRefs(value);
  const json = stored.startsWith('{') && dropped === 0 ? stored : JSON.stringify(value);
  return new ServedDocument(version, Buffer.from(json, 'utf8'));
}
