import { MAX_OPENAPI_BYTES } from '../../openapi/limits';
import { AppError } from '../errors';

/** What a route accepts unless it says otherwise: every JSON body of /api/v1 but the OpenAPI-carrying ones fits. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Routes whose body carries an OpenAPI document: up to MAX_OPENAPI_BYTES of text, which JSON escaping can double
 * (a JSON document's quotes), plus the other fields. A real document under the limit fits, so the publisher reads
 * the document limit in words (process-openapi.ts), not this one.
 */
export const OPENAPI_MAX_BODY_BYTES = 2 * MAX_OPENAPI_BYTES + 1024 * 1024;
/** A full analytics batch (5,000 events) is ~1.5 MB. */
export const ANALYTICS_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Sign-in, sign-up and token requests: a few short fields. */
export const CREDENTIALS_MAX_BODY_BYTES = 16 * 1024;

const tooLarge = (maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than this route accepts (${maxBytes} bytes)`, { maxBytes });

/**
 * Bounds a request's body while it is read, not after: a declared `content-length` past the limit is refused before
 * a byte is read, and a body without one (chunked) errors as soon as the bytes read pass the limit, which cancels the
 * rest. Nothing is read here: the handler still decides whether to read at all, so a route that authenticates first
 * (the gateway routes) reads no body from a caller it refuses. An unauthenticated 150 MB sign-up body was once
 * read whole (issue #13).
 */
export function limitBody<R extends Request>(req: R, maxBytes: number, rebuild: (init: RequestInit & { duplex: 'half' }) => R): R {
  const declared = req.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > maxBytes)) throw tooLarge(maxBytes);
  if (!req.body) return req;
  let seen = 0;
  const counted = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return rebuild({ method: req.method, headers: req.headers, body: counted, duplex: 'half', signal: req.signal });
}

/** Reading a limited body past its limit rejects with the limit's AppError, possibly wrapped by the fetch layer. */
export function bodyLimitError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError ? cause : null;
}
