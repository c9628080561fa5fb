import 'server-only';
import { validate } from '@readme/openapi-parser';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { type Operation, parseOperations } from './parse-operations';

/** Documents past this size are refused before parsing (a gateway catalog entry, not a data dump). */
export const MAX_OPENAPI_BYTES = 5 * 1024 * 1024;

export const validateOpenApiInput = z.strictObject({ document: z.string().max(MAX_OPENAPI_BYTES) });

export type OpenApiVerdict =
  | { valid: true; version: string; info: { title: string; version: string; description: string }; operations: Operation[] }
  | { valid: false; problems: string[] };

/**
 * Validates an OpenAPI 3.0 / 3.1 document given as JSON or YAML text. Expected failures are data (every problem,
 * one string each) so the UI can show them all inline. External `$ref`s are never fetched: resolving them would let
 * a document make the portal request arbitrary URLs and files, which is the SSRF this module must not open.
 */
export async function validateOpenApi(text: string): Promise<OpenApiVerdict> {
  if (Buffer.byteLength(text, 'utf8') > MAX_OPENAPI_BYTES) return { valid: false, problems: [`The document is larger than ${MAX_OPENAPI_BYTES / 1024 / 1024} MiB`] };
  if (!text.trim()) return { valid: false, problems: ['The document is empty'] };
  // YAML 1.2 is a superset of JSON, so one parser reads both and reports positions for either.
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) return { valid: false, problems: parsed.errors.map((e) => e.message) };
  const doc: unknown = parsed.toJS({ maxAliasCount: 100 });
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { valid: false, problems: ['The document must be an object'] };
  const version = (doc as { openapi?: unknown }).openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    const swagger = (doc as { swagger?: unknown }).swagger;
    return { valid: false, problems: [swagger ? 'Swagger 2.0 is not supported: convert it to OpenAPI 3.0 or 3.1' : 'The `openapi` field must be 3.0.x or 3.1.x'] };
  }
  let result: Awaited<ReturnType<typeof validate>>;
  try {
    result = await validate(structuredClone(doc) as never, { resolve: { external: false }, validate: { errors: { colorize: false } } });
  } catch (err) {
    return { valid: false, problems: [err instanceof Error ? err.message : String(err)] };
  }
  if (!result.valid) {
    const problems = result.errors.map((e) => e.message);
    if (result.additionalErrors > 0) problems.push(`... and ${result.additionalErrors} more problems`);
    return { valid: false, problems };
  }
  const info = (doc as { info?: { title?: unknown; version?: unknown; description?: unknown } }).info ?? {};
  return {
    valid: true,
    version,
    info: { title: String(info.title ?? ''), version: String(info.version ?? ''), description: typeof info.description === 'string' ? info.description : '' },
    operations: parseOperations(text),
  };
}
