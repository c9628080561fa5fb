import 'server-only';
import { AppError } from '../errors';
import { type OpenApiVerdict, validateOpenApi } from './validate-openapi';

/** Validates a document for a write; every problem goes back as a field error on `openapi`, all at once. */
export async function requireValidOpenApi(text: string): Promise<Extract<OpenApiVerdict, { valid: true }>> {
  const verdict = await validateOpenApi(text);
  if (!verdict.valid) {
    throw new AppError('UNPROCESSABLE', `The OpenAPI document has ${verdict.problems.length} problem(s)`, {
      errors: verdict.problems.map((message) => ({ path: 'openapi', message })),
    });
  }
  return verdict;
}
