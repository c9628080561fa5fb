// The portal's long-polls end the moment the process is asked to stop. Without this, `next start` waits on
// server.close() for every open sync poll, and each sidecar re-polls on its kept-alive socket, so a SIGTERM took
// minutes to end the portal (README step 7). Held on globalThis because Next.js bundles each route separately.
const holder = globalThis as unknown as { __gatehouseShutdown?: AbortController };

function controller(): AbortController {
  if (!holder.__gatehouseShutdown) {
    const created = new AbortController();
    holder.__gatehouseShutdown = created;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => created.abort());
  }
  return holder.__gatehouseShutdown;
}

/** Aborted once the process received SIGTERM or SIGINT. */
export function shutdownSignal(): AbortSignal {
  return controller().signal;
}

/** For tests: what SIGTERM does, without sending one. */
export function beginShutdown(): void {
  controller().abort();
}
