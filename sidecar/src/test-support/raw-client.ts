import net from 'node:net';
import { readMessages, type WireMessage } from './http-message-parser';

export interface RawExchange {
  responses: WireMessage[];
  /** Everything the server sent, as received. */
  bytes: Buffer;
}

/**
 * Writes `bytes` on a fresh connection exactly as given (no client library normalises them) and reads until the
 * server closes or `expected` complete answers arrived. It does not half-close: Node's server aborts requests still
 * in flight when the client ends its side. `methods` tells the reader which answers are to HEAD requests.
 */
export function rawExchange(port: number, bytes: Buffer | string, options: { expected?: number; methods?: string[] } = {}): Promise<RawExchange> {
  const { expected = 1, methods = [] } = options;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (readMessages(Buffer.concat(chunks), 'response', methods).messages.length >= expected) socket.destroy();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server that refuses mid-request may reset the connection: what arrived before is still the answer.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      resolve({ responses: readMessages(all, 'response', methods).messages, bytes: all });
    });
    socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  });
}

export function statusOf(message: WireMessage | undefined): number {
  return Number(message?.startLine.split(' ')[1] ?? 0);
}
