import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const CLOCK_TICKS_PER_S = 100;

export function hasCommand(name: string, candidates: string[] = []): string | null {
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const TASKSET = hasCommand('taskset', ['/usr/bin/taskset']);

/** `taskset -c <cpu>` in front of a command when taskset exists and the machine has that cpu; otherwise unpinned. */
export function pinned(cpu: number | null, command: string, args: string[]): [string, string[]] {
  if (cpu === null || !TASKSET) return [command, args];
  return [TASKSET, ['-c', String(cpu), command, ...args]];
}

export function pinSelf(cpu: number | null): void {
  if (cpu !== null && TASKSET) execFileSync(TASKSET, ['-cp', String(cpu), String(process.pid)], { stdio: 'ignore' });
}

export interface Managed {
  name: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs a TypeScript file with node + tsx's loader directly, so the pid measured is the process doing the work. */
export function tsNode(script: string, args: string[], extraNodeArgs: string[] = []): [string, string[]] {
  return [process.execPath, [...extraNodeArgs, '--import', 'tsx', path.resolve(REPO_ROOT, script), ...args]];
}

export function startManaged(name: string, [command, args]: [string, string[]], env: NodeJS.ProcessEnv = process.env): Managed {
  // taskset execs the command, so the child's pid is the server's own.
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** User + system CPU time of a process in microseconds, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_S;
}

/** Resident set size in MiB (VmRSS), or its peak (VmHWM). */
export function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export function httpStatus(url: string, headers: Record<string, string> = {}, localAddress?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { headers, agent: false, localAddress }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

let nextLoopback = 0;

/**
 * A different loopback source address (127.1.x.y) for each call. Propagation probes ask the sidecar about keys it
 * does not know yet, or no longer knows, in a tight loop: from one address, the sidecar's guard against key guessing
 * (120 failed attempts a minute per address) soon answers 429 instead of 401 and the probe would measure the guard.
 */
export function freshLoopback(): string {
  nextLoopback = (nextLoopback + 1) % 62_500;
  return `127.1.${Math.floor(nextLoopback / 250)}.${(nextLoopback % 250) + 1}`;
}

/** Waits for a URL to answer `status`, failing early with the process's output if it dies. */
export async function waitForStatus(url: string, status: number, proc: Managed | null, timeoutMs = 30_000, headers: Record<string, string> = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await httpStatus(url, headers)) !== status) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms\n${proc?.output() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A URL's body as text ('' when it cannot be fetched). */
export function httpGet(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve(body));
    });
    req.on('error', () => resolve(''));
  });
}
