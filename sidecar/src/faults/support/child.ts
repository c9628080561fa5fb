import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

/** The repository root, where `tsx` resolves from. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * A real child Node process running a TypeScript entry point under tsx, with its stdout collected line by line so
 * a test can wait on what the child announced. `--import tsx` keeps it one process: a SIGKILL hits the code itself,
 * not a wrapper.
 */
export function spawnTs(entry: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, entry), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, lines, stderr: () => stderr, exited, kill: (signal: NodeJS.Signals) => killAndWait(child, signal, exited) };
}

async function killAndWait(child: ChildProcess, signal: NodeJS.Signals, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await exited;
}
