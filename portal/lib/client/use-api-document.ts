import useSWR from 'swr';
import { ApiError } from './api-error';
import type { OpenApiDoc } from './openapi-doc';

export const apiDocumentKey = (apiId: string) => `/api/v1/apis/${encodeURIComponent(apiId)}/openapi`;

/** JSON first (what the portal serves for most documents, and the browser's parser is fast); YAML only if it is not. */
async function parseDocument(text: string): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch {
    // The YAML parser is loaded only for a document that needs it: it stays out of the API page's first JavaScript.
    const { parse } = await import('yaml');
    return parse(text);
  }
}

/** The stored document is JSON or YAML. */
async function fetchDocument(url: string): Promise<OpenApiDoc> {
  const res = await fetch(url, { headers: { accept: 'application/json, application/yaml' } });
  if (!res.ok) throw new ApiError(res.status, 'HTTP_ERROR', `Could not load the API document (${res.status})`);
  const doc = await parseDocument(await res.text());
  if (!doc || typeof doc !== 'object') throw new ApiError(422, 'INVALID_DOCUMENT', 'The API document is not an object');
  return doc as OpenApiDoc;
}

/** The raw OpenAPI document of a catalog API, parsed. */
export function useApiDocument(apiId: string) {
  const { data, error } = useSWR<OpenApiDoc>(apiDocumentKey(apiId), fetchDocument, { revalidateOnFocus: false });
  return { document: data, error };
}
