import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts a child in its own process group, output appended to `<logDir>/<name>.log`. Its own group, because npm/npx
 * and Next spawn grandchildren: stopping the group is the only way to leave nothing behind.
 */
export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Managed {
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

export function signalGroup(p: Managed, signal: NodeJS.Signals): void {
  if (p.child.pid === undefined || p.child.exitCode !== null || p.child.signalCode !== null) return;
  try {
    process.kill(-p.child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM every group (each drains), then SIGKILL whatever is still there after the grace period. */
export async function stopAll(processes: Managed[], graceMs = 10_000): Promise<void> {
  for (const p of [...processes].reverse()) signalGroup(p, 'SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([Promise.all(processes.map((p) => p.exited)), timeout]);
  for (const p of processes) signalGroup(p, 'SIGKILL');
}

/** Polls a URL until it answers with an accepted status; fails fast if the process behind it exits. */
export async function waitForUrl(url: string, p: Managed, timeoutMs: number, accept = (status: number) => status === 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void p.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${p.name} exited during start-up; see its log`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (accept(res.status)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${p.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
}
