import useSWR from 'swr';
import { parse } from 'yaml';
import { ApiError } from './api-error';
import type { OpenApiDoc } from './openapi-doc';

export const apiDocumentKey = (apiId: string) => `/api/v1/apis/${encodeURIComponent(apiId)}/openapi`;

/** The stored document is JSON or YAML; YAML is a superset of JSON, so one parser reads both. */
async function fetchDocument(url: string): Promise<OpenApiDoc> {
  const res = await fetch(url, { headers: { accept: 'application/json, application/yaml' } });
  if (!res.ok) throw new ApiError(res.status, 'HTTP_ERROR', `Could not load the API document (${res.status})`);
  const doc = parse(await res.text()) as unknown;
  if (!doc || typeof doc !== 'object') throw new ApiError(422, 'INVALID_DOCUMENT', 'The API document is not an object');
  return doc as OpenApiDoc;
}

/** The raw OpenAPI document of a catalog API, parsed. */
export function useApiDocument(apiId: string) {
  const { data, error } = useSWR<OpenApiDoc>(apiDocumentKey(apiId), fetchDocument, { revalidateOnFocus: false });
  return { document: data, error };
}
