import type http from 'node:http';
import type { Socket } from 'node:net';

const kBusy = Symbol('gatehouse.busy');
const kGuard = Symbol('gatehouse.guard');
type Tracked = Socket & { [kBusy]: number; [kGuard]: Guard };

interface Guard {
  live: Set<Tracked>;
  /** Insertion order is idleness order: a connection is re-added whenever it becomes idle, so the first is the oldest. */
  idle: Set<Tracked>;
}

/**
 * A cap on open client connections that keeps normal clients served under a flood of idle or slow ones. Node's own
 * `server.maxConnections` refuses the newcomer once the cap is reached, which hands the port to whoever opened
 * connections first. Here the newcomer is admitted and the connection idle the longest (no request in flight: it never
 * sent one, is still trickling its headers, or sits between keep-alive requests) is closed to make room. Only when
 * every connection has a request in flight is the newcomer refused; those are bounded by the request timeout.
 */
export function guardConnections(server: http.Server, maxConnections: number, onShed: (reason: 'evicted' | 'refused') => void): { open: () => number } {
  const guard: Guard = { live: new Set(), idle: new Set() };

  server.on('connection', (raw: Socket) => {
    const socket = raw as Tracked;
    if (guard.live.size >= maxConnections) {
      const victim = guard.idle.values().next().value;
      if (victim === undefined) {
        onShed('refused');
        return void socket.destroy();
      }
      guard.idle.delete(victim);
      guard.live.delete(victim);
      victim.destroy();
      onShed('evicted');
    }
    socket[kBusy] = 0;
    socket[kGuard] = guard;
    guard.live.add(socket);
    guard.idle.add(socket);
    socket.once('close', onSocketClose);
  });

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket as Tracked;
    socket[kBusy] += 1;
    guard.idle.delete(socket);
    // A response emits 'close' once: `on` spares the `once` wrapper and its removal on every request.
    res.on('close', onResponseClose);
  });

  return { open: () => guard.live.size };
}

// Module-level listeners: they run for every connection and request, so they create no closure.
function onSocketClose(this: Tracked): void {
  this[kGuard].live.delete(this);
  this[kGuard].idle.delete(this);
}

function onResponseClose(this: http.ServerResponse): void {
  const socket = this.req.socket as Tracked;
  socket[kBusy] -= 1;
  if (socket[kBusy] === 0 && !socket.destroyed && socket[kGuard].live.has(socket)) socket[kGuard].idle.add(socket);
}
