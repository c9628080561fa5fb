/**
 * A deliberately small, strict HTTP/1.1 message reader for tests: the oracle that says what bytes on a wire mean.
 * It reads a stream of messages the way a strict backend would (RFC 9112: chunked wins, otherwise Content-Length,
 * otherwise no body for a request) and never guesses: anything it cannot frame ends the stream as `garbage`.
 */
export interface WireMessage {
  /** Request line (`GET /x HTTP/1.1`) or status line (`HTTP/1.1 200 OK`). */
  startLine: string;
  /** Header names lower-cased, in arrival order, repeated names kept. */
  headers: [string, string][];
  body: Buffer;
}

export interface ReadResult {
  messages: WireMessage[];
  /** Bytes that did not form a complete message: a partial one at the end of the stream, or unframable bytes. */
  rest: Buffer;
  garbage: boolean;
}

export function header(message: WireMessage, name: string): string | undefined {
  return message.headers.find(([n]) => n === name)?.[1];
}

export function headerValues(message: WireMessage, name: string): string[] {
  return message.headers.filter(([n]) => n === name).map(([, v]) => v);
}

/** Reads every complete message in `bytes`; `kind` decides what a message without framing means. */
export function readMessages(bytes: Buffer, kind: 'request' | 'response', requestMethods: string[] = []): ReadResult {
  const messages: WireMessage[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at, 'latin1');
    if (end < 0) break;
    const lines = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const startLine = lines.shift() ?? '';
    const headers: [string, string][] = [];
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) return { messages, rest: bytes.subarray(at), garbage: true };
      headers.push([line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]);
    }
    const message: WireMessage = { startLine, headers, body: Buffer.alloc(0) };
    let cursor = end + 4;
    const te = headerValues(message, 'transfer-encoding');
    const cl = headerValues(message, 'content-length');
    const status = Number(startLine.split(' ')[1]);
    const bodiless =
      kind === 'response' && (requestMethods[messages.length] === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200));
    if (bodiless) {
      // No body whatever the headers announce (RFC 9110 6.4.1).
    } else if (te.length > 0) {
      if (te.join(',').trim().toLowerCase() !== 'chunked' || cl.length > 0) return { messages, rest: bytes.subarray(at), garbage: true };
      const chunks: Buffer[] = [];
      for (;;) {
        const lineEnd = bytes.indexOf('\r\n', cursor, 'latin1');
        if (lineEnd < 0) return { messages, rest: bytes.subarray(at), garbage: false };
        const size = Number.parseInt(bytes.subarray(cursor, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
        if (!Number.isInteger(size) || size < 0) return { messages, rest: bytes.subarray(at), garbage: true };
        cursor = lineEnd + 2;
        if (size === 0) {
          const trailerEnd = bytes.indexOf('\r\n', cursor, 'latin1');
          if (trailerEnd < 0) return { messages, rest: bytes.subarray(at), garbage: false };
          cursor = trailerEnd + 2;
          break;
        }
        if (cursor + size + 2 > bytes.length) return { messages, rest: bytes.subarray(at), garbage: false };
        chunks.push(bytes.subarray(cursor, cursor + size));
        cursor += size + 2;
      }
      message.body = Buffer.concat(chunks);
    } else if (cl.length > 0) {
      if (cl.length > 1 || !/^\d+$/.test(cl[0] ?? '')) return { messages, rest: bytes.subarray(at), garbage: true };
      const length = Number(cl[0]);
      if (cursor + length > bytes.length) return { messages, rest: bytes.subarray(at), garbage: false };
      message.body = bytes.subarray(cursor, cursor + length);
      cursor += length;
    } else if (kind === 'response') {
      // Close-delimited: the rest of the stream is this body.
      message.body = bytes.subarray(cursor);
      cursor = bytes.length;
    }
    messages.push(message);
    at = cursor;
  }
  return { messages, rest: bytes.subarray(at), garbage: false };
}
