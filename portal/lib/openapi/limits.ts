/**
 * The largest OpenAPI document the portal imports, shared by the import form (which states it and checks a file
 * before sending it) and the server (which enforces it). GitHub's REST description is about 13 MB, the largest real
 * document we know of; 25 MiB leaves it room to grow while keeping one import's memory bounded.
 */
export const MAX_OPENAPI_BYTES = 25 * 1024 * 1024;

/** The limit in words, for the UI and the refusal message. */
export const MAX_OPENAPI_LABEL = '25 MiB';

export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The answer a publisher reads when a document is past the limit; the same words on the server and in the form. */
export function tooLargeMessage(bytes: number): string {
  return `The document is ${formatMiB(bytes)}; the portal imports OpenAPI documents of up to ${MAX_OPENAPI_LABEL}. Remove unused parts (examples, unused schemas) or split the API into several.`;
}
