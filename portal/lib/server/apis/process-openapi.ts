import 'server-only';
import { validate } from '@readme/openapi-parser';
import { upgrade } from '@scalar/openapi-upgrader';
import { MAX_OPENAPI_BYTES, tooLargeMessage } from '../../openapi/limits';
import { findExternalRefs } from './external-refs';
import { type Operation, operationsOf } from './parse-operations';
import { plainDescription } from './plain-description';
import { readOpenApiText } from './read-openapi-text';
import { type ServerSuggestions, suggestFromServers } from './server-suggestions';
import { deriveVersionLabel } from './version-label';

/** What an import makes of a document: the stored form and what the import form shows, or every problem. */
export type ProcessedOpenApi =
  | {
      valid: true;
      /** The OpenAPI version of the stored document (3.0.x or 3.1.x; a converted Swagger 2.0 document is 3.1.x). */
      version: string;
      /** Set when the publisher's document was converted at import, e.g. 'Swagger 2.0'. */
      convertedFrom: string | null;
      info: { title: string; version: string };
      /** Prefills for the import form: the title, a version label by VERSION_LABEL_RULE (null: ask), plain text. */
      suggested: { name: string; version: string | null; description: string } & ServerSuggestions;
      operations: Operation[];
      /** The document as stored and served: minified JSON, OpenAPI 3.x, every `$ref` internal. */
      document: string;
    }
  | { valid: false; problems: string[]; tooLarge?: true };

const VALIDATE_OPTIONS = { resolve: { external: false }, validate: { errors: { colorize: false } } } as const;

async function problemsOf(doc: unknown): Promise<string[]> {
  try {
    const result = await validate(doc as never, VALIDATE_OPTIONS);
    if (result.valid) return [];
    const problems = result.errors.map((e) => e.message);
    if (result.additionalErrors > 0) problems.push(`... and ${result.additionalErrors} more problems`);
    return problems;
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}

/**
 * Turns a publisher's document (JSON or YAML text) into the form the portal stores: Swagger 2.0 converted to
 * OpenAPI 3.1 by Scalar's upgrader (maintained with the renderer the portal embeds, and free of network code),
 * external `$ref`s refused (see findExternalRefs' caller below), validated, minified JSON. Internal `$ref`s stay:
 * fully dereferencing GitHub's description turns 13 MB into 73 MB (its own `.deref.json`), and the reference
 * renderer resolves internal references itself, lazily. Expected failures are data, never exceptions.
 */
export async function processOpenApi(text: string): Promise<ProcessedOpenApi> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_OPENAPI_BYTES) return { valid: false, problems: [tooLargeMessage(bytes)], tooLarge: true };
  if (!text.trim()) return { valid: false, problems: ['The document is empty'] };
  const read = readOpenApiText(text);
  if (!read.ok) return { valid: false, problems: read.problems };
  let doc = read.value as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { valid: false, problems: ['The document must be an object'] };

  // A document that points outside itself is refused rather than resolved: resolving would make the portal fetch
  // whatever a publisher names, a relative file has no base when the text was pasted or uploaded, and a reader's
  // browser must never be sent to a host the portal did not choose. Bundling tools do this job well offline.
  const external = findExternalRefs(doc);
  if (external.length > 0) {
    return {
      valid: false,
      problems: external.map((e) => `External $ref at ${e.pointer}: "${e.ref}". The portal imports self-contained documents only: bundle it first (e.g. \`npx @redocly/cli bundle\`), so that every $ref starts with #.`),
    };
  }

  let convertedFrom: string | null = null;
  if (doc.swagger === '2.0') {
    const problems = await problemsOf(structuredClone(doc));
    if (problems.length > 0) return { valid: false, problems };
    doc = upgrade(doc as never, '3.1') as unknown as Record<string, unknown>;
    convertedFrom = 'Swagger 2.0';
  }
  const version = doc.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    return { valid: false, problems: ['The `openapi` field must be 3.0.x or 3.1.x (Swagger 2.0 is converted on import)'] };
  }

  const document = JSON.stringify(doc);
  const problems = await problemsOf(JSON.parse(document));
  if (problems.length > 0) return { valid: false, problems: convertedFrom ? problems.map((p) => `After conversion from ${convertedFrom}: ${p}`) : problems };

  const info = (doc.info ?? {}) as { title?: unknown; version?: unknown; description?: unknown };
  const title = String(info.title ?? '').trim();
  const infoVersion = String(info.version ?? '').trim();
  return {
    valid: true,
    version,
    convertedFrom,
    info: { title, version: infoVersion },
    suggested: {
      name: title.slice(0, 100),
      version: deriveVersionLabel(infoVersion),
      description: typeof info.description === 'string' ? plainDescription(info.description) : '',
      ...suggestFromServers(doc),
    },
    operations: operationsOf(doc),
    document,
  };
}
