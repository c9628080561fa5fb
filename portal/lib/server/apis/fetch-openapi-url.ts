import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { requirePublisher } from '../users/require-role';
import { addressPolicy } from './address-policy';
import { guardedFetch } from './guarded-fetch';
import { getImportSettings } from './import-settings';
import { MAX_OPENAPI_LABEL } from '../../openapi/limits';
import { MAX_OPENAPI_BYTES, validateOpenApi } from './validate-openapi';

export const fetchOpenApiInput = z.strictObject({ url: z.string().trim().min(1).max(2000) });

export const IMPORT_TIMEOUT_MS = 10_000;
export const IMPORT_MAX_REDIRECTS = 5;

/** Downloads an OpenAPI document for a publisher, through the SSRF guard, and validates it. */
export async function fetchOpenApiUrl(db: Db, actor: Actor, input: z.infer<typeof fetchOpenApiInput>) {
  requirePublisher(actor);
  const { allowedCidrs } = await getImportSettings(db);
  const fetched = await guardedFetch(input.url, {
    policy: addressPolicy(allowedCidrs),
    maxBytes: MAX_OPENAPI_BYTES,
    timeoutMs: IMPORT_TIMEOUT_MS,
    maxRedirects: IMPORT_MAX_REDIRECTS,
  });
  if (!fetched.ok) {
    const message = fetched.code === 'TOO_LARGE' ? `The document at this URL is larger than ${MAX_OPENAPI_LABEL}, the most the portal imports.` : fetched.message;
    throw new AppError('UNPROCESSABLE', message, { reason: fetched.code, errors: [{ path: 'url', message }] });
  }
  return { url: fetched.finalUrl, document: fetched.text, validation: await validateOpenApi(fetched.text) };
}
