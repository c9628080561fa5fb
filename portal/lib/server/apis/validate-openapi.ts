import 'server-only';
import { z } from 'zod';
import { MAX_OPENAPI_BYTES } from '../../openapi/limits';
import { AppError } from '../errors';
import { processOpenApiOnce } from './import-cache';
import type { ProcessedOpenApi } from './process-openapi';
import { VERSION_LABEL_RULE } from './version-label';

export { MAX_OPENAPI_BYTES };

/** The body bound (body-limit.ts) caps the text; the size rule itself answers in words, not as a schema message. */
export const validateOpenApiInput = z.strictObject({ document: z.string() });

/** What the validate and fetch routes answer: the processed result without the (possibly 25 MiB) document. */
export type OpenApiVerdict = (Omit<Extract<ProcessedOpenApi, { valid: true }>, 'document'> & { versionRule: string }) | { valid: false; problems: string[] };

/**
 * Validates an OpenAPI 3.0 / 3.1 or Swagger 2.0 document given as JSON or YAML text (process-openapi.ts). Every
 * problem comes back at once so the UI can show them all; a document past the size limit is a 413 problem.
 */
export async function validateOpenApi(text: string): Promise<OpenApiVerdict> {
  const result = await processOpenApiOnce(text);
  if (!result.valid) {
    const message = result.problems.join(' ');
    if (result.tooLarge) throw new AppError('PAYLOAD_TOO_LARGE', message, { maxBytes: MAX_OPENAPI_BYTES, errors: [{ path: 'openapi', message }] });
    return { valid: false, problems: result.problems };
  }
  const { document: _stored, ...verdict } = result;
  return { ...verdict, versionRule: VERSION_LABEL_RULE };
}
