import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT, pinned, tsNode } from './processes';

const run = promisify(execFile);

/** Runs a probe script in its own process (clean heap, its own RSS) and parses the JSON line it prints last. */
export async function runProbe<T>(script: string, args: (string | number)[], options: { cpu: number | null; nodeArgs?: string[]; timeoutS: number }): Promise<T> {
  const [command, full] = pinned(options.cpu, ...tsNode(script, args.map(String), options.nodeArgs ?? []));
  const { stdout } = await run(command, full, { cwd: REPO_ROOT, timeout: options.timeoutS * 1000, maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}
