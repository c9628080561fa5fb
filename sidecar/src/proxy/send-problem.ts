import type { ServerResponse } from 'node:http';
import { type Problem, PROBLEM_CONTENT_TYPE } from '../contract/problem';

/** 401s invite a retry with a key or an OAuth access token (RFC 9110 requires a challenge; RFC 6750 for Bearer). */
const CHALLENGE = 'ApiKey realm="gatehouse", header="x-api-key", Bearer realm="gatehouse"';

export function sendProblem(res: ServerResponse, body: Problem): void {
  if (res.headersSent) {
    // Too late for a status: cutting the connection is the only honest signal left.
    res.destroy();
    return;
  }
  const json = JSON.stringify(body);
  res.statusCode = body.status;
  res.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  res.setHeader('content-length', Buffer.byteLength(json));
  res.setHeader('cache-control', 'no-store');
  if (body.status === 401) res.setHeader('www-authenticate', CHALLENGE);
  if (body.status === 503) res.setHeader('retry-after', '5');
  res.end(json);
}
