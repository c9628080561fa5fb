import 'server-only';
import { MAX_OPENAPI_BYTES } from '../../openapi/limits';
import { AppError } from '../errors';
import { processOpenApiOnce } from './import-cache';
import type { ProcessedOpenApi } from './process-openapi';

/**
 * Processes a document for a write and returns what to store; every problem goes back as a field error on
 * `openapi`, all at once. A document past the size limit is a 413 that says the limit in words.
 */
export async function requireValidOpenApi(text: string): Promise<Extract<ProcessedOpenApi, { valid: true }>> {
  const result = await processOpenApiOnce(text);
  if (result.valid) return result;
  const errors = result.problems.map((message) => ({ path: 'openapi', message }));
  if (result.tooLarge) throw new AppError('PAYLOAD_TOO_LARGE', result.problems.join(' '), { maxBytes: MAX_OPENAPI_BYTES, errors });
  throw new AppError('UNPROCESSABLE', `The OpenAPI document has ${result.problems.length} problem(s)`, { errors });
}
