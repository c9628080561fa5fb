import { once } from 'node:events';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { header, readMessages, type WireMessage } from './http-message-parser';

export interface RecordedMessage extends WireMessage {
  method: string;
  target: string;
  /** Which upstream connection carried it, and its position on that connection. */
  connection: number;
  position: number;
}

/** How the upstream misbehaves, decided per request by its target (tests of socket reuse). */
export type UpstreamBehaviour = 'answer' | 'answer-early' | 'answer-with-extra-bytes';

/**
 * A raw TCP backend that records exactly what arrives: every message framed the way a strict HTTP/1.1 server would,
 * including any second request hidden in a first one's body, and any bytes it could not frame (`garbage`). It answers
 * each request with a small fixed response naming the request's index, so a client can tell which request a
 * response belongs to. It never reads `\` or `%2f` in a target: it records bytes, and tests assert on them.
 */
export async function startRecordingUpstream(behaviour: (target: string) => UpstreamBehaviour = () => 'answer') {
  const received: RecordedMessage[] = [];
  const garbage: { connection: number; bytes: Buffer }[] = [];
  let connections = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    let buffered = Buffer.alloc(0);
    let position = 0;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      // An early answer is sent as soon as the headers are in, before the body is read (a backend refusing an upload).
      if (!buffered.includes('\r\n\r\n')) return;
      const firstLine = buffered.subarray(0, buffered.indexOf('\r\n')).toString('latin1');
      const target = firstLine.split(' ')[1] ?? '';
      if (position === 0 && behaviour(target) === 'answer-early' && !socket.writableEnded && received.every((r) => r.connection !== connection)) {
        received.push({ startLine: firstLine, headers: [], body: Buffer.alloc(0), method: firstLine.split(' ')[0] ?? '', target, connection, position: position++ });
        socket.write(answer(received.length - 1, 'early'));
        buffered = buffered.subarray(buffered.indexOf('\r\n\r\n') + 4);
        return;
      }
      const read = readMessages(buffered, 'request');
      for (const message of read.messages) {
        const [method = '', requestTarget = ''] = message.startLine.split(' ');
        received.push({ ...message, method, target: requestTarget, connection, position: position++ });
        const index = received.length - 1;
        const extra = behaviour(requestTarget) === 'answer-with-extra-bytes' ? answer(index, 'unsolicited') : '';
        socket.write(answer(index, 'ok', method === 'HEAD') + extra);
      }
      buffered = Buffer.from(read.rest);
      if (read.garbage) {
        garbage.push({ connection, bytes: buffered });
        socket.destroy();
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    garbage,
    connections: () => connections,
    /** Requests that carry this marker header value (e.g. the case id of a generated request). */
    withHeader: (name: string, value: string) => received.filter((m) => header(m, name) === value),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(index: number, note: string, head = false): string {
  const body = JSON.stringify({ seen: index, note });
  // A HEAD answer announces the length of the body it does not send (RFC 9110 9.3.2).
  return `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-recorded: ${index}\r\ncontent-length: ${body.length}\r\n\r\n${head ? '' : body}`;
}

export type RecordingUpstream = Awaited<ReturnType<typeof startRecordingUpstream>>;
