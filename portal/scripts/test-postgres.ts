import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

/**
 * `npm run test:unit:pg`: the portal's database tests once more on PostgreSQL (the `postgres` vitest project), each
 * test on a database of its own, cloned from a template the real migrations built once for the run, and dropped. Runs when a server answers on
 * GATEHOUSE_TEST_PG_URL (default: the local server's `postgres` database, which only serves to create the test
 * databases); says plainly that it skipped otherwise. `.ci/run` starts the local server first, so CI always runs it.
 */
const url = process.env.GATEHOUSE_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const shown = url.replace(/\/\/[^@/]*@/, '//<user>@');

async function answers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main(): Promise<number> {
  const problem = await answers();
  if (problem) {
    console.log(`\n*** SKIPPED the PostgreSQL pass of the portal tests: no server answers on ${shown} (${problem}).`);
    console.log('*** Start PostgreSQL or set GATEHOUSE_TEST_PG_URL to run it; CI (.ci/run) always does.\n');
    return 0;
  }
  console.log(`PostgreSQL pass of the portal's database tests on ${shown}`);
  const vitest = path.resolve(__dirname, '../../node_modules/.bin/vitest');
  const run = spawnSync(vitest, ['run', '--project', 'postgres', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, GATEHOUSE_TEST_PG_URL: url } });
  return run.status ?? 1;
}

main().then((code) => process.exit(code));
