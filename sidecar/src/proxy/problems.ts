import { type Problem, problem } from '../contract/problem';
import type { RejectionCode } from '../verify/verify-request';

/** Stable codes of the data port; clients branch on `code`, the `type` URI is derived from it. */
export const problems = {
  notSynced: () => problem(503, 'NOT_SYNCED', 'Gateway not ready', 'This gateway has never received its configuration.'),
  stale: (stalenessSeconds: number) =>
    problem(503, 'STALE', 'Gateway configuration too old', 'The last successful sync is older than the configured maximum.', {
      stalenessSeconds: Math.floor(stalenessSeconds),
    }),
  badRequestTarget: () =>
    problem(400, 'BAD_REQUEST_TARGET', 'Request target refused', 'The gateway accepts origin-form targets only, without `\\`, encoded `/ \\ .`, control characters, empty or dot segments.'),
  ambiguousFraming: () => problem(400, 'AMBIGUOUS_FRAMING', 'Ambiguous message framing', 'The request framing (Content-Length, Transfer-Encoding, Host) could be read in more than one way.'),
  malformedRequest: () => problem(400, 'BAD_REQUEST', 'Malformed request', 'The request is not valid HTTP/1.1.'),
  requestTimeout: () => problem(408, 'REQUEST_TIMEOUT', 'Request timeout', 'The request was not received in time.'),
  headersTooLarge: () => problem(431, 'HEADERS_TOO_LARGE', 'Request headers too large', 'The request headers exceed the gateway limit.'),
  bodyTooLarge: (maxBytes: number) => problem(413, 'BODY_TOO_LARGE', 'Request body too large', 'The request body exceeds the limit of this API.', { maxBytes }),
  noRoute: () => problem(404, 'NO_ROUTE', 'No API here', 'No API is deployed at this path on this gateway.'),
  apiBlocked: () => problem(403, 'API_BLOCKED', 'API blocked', 'This API is blocked on this gateway.'),
  upstreamUnavailable: () => problem(502, 'UPSTREAM_UNAVAILABLE', 'Backend unavailable', 'The backend refused or dropped the request.'),
  upstreamTimeout: () => problem(504, 'UPSTREAM_TIMEOUT', 'Backend timed out', 'The backend did not answer in time.'),
  internal: () => problem(500, 'INTERNAL', 'Internal error'),
  rateLimited: (retryAfterS: number) =>
    problem(429, 'RATE_LIMITED', 'Too many requests', "This application is over its tier's rate limit for this API.", { retryAfterSeconds: retryAfterS }),
  quotaExceeded: (retryAfterS: number) =>
    problem(429, 'QUOTA_EXCEEDED', 'Monthly quota used up', "This application has used its tier's monthly quota for this API.", {
      retryAfterSeconds: retryAfterS,
    }),
  tooManyFailures: (retryAfterS: number) =>
    problem(429, 'TOO_MANY_FAILED_ATTEMPTS', 'Too many requests', 'Too many requests without a valid key from this address.', {
      retryAfterSeconds: retryAfterS,
    }),
} satisfies Record<string, (...args: never[]) => Problem>;

const REJECTIONS: Record<RejectionCode, () => Problem> = {
  MISSING: () => problem(401, 'KEY_MISSING', 'API key required', 'Send the key in the x-api-key header or as Authorization: Bearer.'),
  MALFORMED: () => problem(401, 'KEY_INVALID', 'Invalid API key', 'The API key is not valid.'),
  UNKNOWN: () => problem(401, 'KEY_INVALID', 'Invalid API key', 'The API key is not valid.'),
  EXPIRED: () => problem(401, 'KEY_EXPIRED', 'API key expired', 'The API key has expired.'),
  NOT_SUBSCRIBED: () => problem(403, 'NOT_SUBSCRIBED', 'Not subscribed', 'The application is not subscribed to this API.'),
  SUBSCRIPTION_BLOCKED: () =>
    problem(403, 'SUBSCRIPTION_BLOCKED', 'Subscription blocked', "The application's subscription to this API is blocked."),
  TOKEN_INVALID: () => problem(401, 'TOKEN_INVALID', 'Invalid access token', 'The access token is not valid.'),
  TOKEN_EXPIRED: () => problem(401, 'TOKEN_EXPIRED', 'Access token expired', 'The access token has expired; request a new one.'),
};

export function rejectionProblem(code: RejectionCode): Problem {
  return REJECTIONS[code]();
}
