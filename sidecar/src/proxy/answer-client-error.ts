import type { Duplex } from 'node:stream';
import { type Problem, PROBLEM_CONTENT_TYPE } from '../contract/problem';
import { problems } from './problems';

/** llhttp's refusals of framing that two parsers could read differently (RFC 9112 6.1-6.3, 5.2 obs-fold). */
const FRAMING_ERRORS = new Set([
  'HPE_INVALID_TRANSFER_ENCODING',
  'HPE_UNEXPECTED_CONTENT_LENGTH',
  'HPE_INVALID_CONTENT_LENGTH',
  'HPE_INVALID_HEADER_TOKEN',
  'HPE_LF_EXPECTED',
  'HPE_CR_EXPECTED',
  'HPE_INVALID_CHUNK_SIZE',
  'HPE_STRICT',
]);

const kClosing = Symbol('gatehouse.closing');

/**
 * Marks a connection whose request the gateway refused and answered with `Connection: close`: Node's parser may still
 * trip on the unread bytes after it (a body with an unknown coding), and that second error must not get a second
 * answer on the same connection.
 */
export function markClosing(socket: Duplex | null): void {
  if (socket) (socket as Duplex & { [kClosing]?: true })[kClosing] = true;
}

export function isClosing(socket: Duplex): boolean {
  return (socket as Duplex & { [kClosing]?: true })[kClosing] === true;
}

/** The problem for a request Node's parser refused before any handler saw it. */
export function clientErrorProblem(code: string | undefined): Problem {
  if (code === 'HPE_HEADER_OVERFLOW') return problems.headersTooLarge();
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'HPE_HEADERS_TIMEOUT') return problems.requestTimeout();
  if (code === 'HPE_INVALID_URL' || code === 'HPE_INVALID_METHOD') return problems.badRequestTarget();
  if (code !== undefined && FRAMING_ERRORS.has(code)) return problems.ambiguousFraming();
  return problems.malformedRequest();
}

/**
 * Answers on the raw socket (no response object exists yet) with problem+json, then closes it: the bytes after a
 * refused request are unparsable by definition and must not be read as a next request.
 */
export function answerClientError(socket: Duplex, problem: Problem): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify(problem);
  const reason = problem.status === 431 ? 'Request Header Fields Too Large' : problem.status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${problem.status} ${reason}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `cache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
  // Once our answer is flushed the connection is done, whether or not the client ever closes its side.
  socket.once('finish', () => socket.destroy());
}
