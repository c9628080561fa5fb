import { writeSync } from 'node:fs';
import { openCache } from '../../cache/cache-store';
import { answerAt } from './revision-states';

/**
 * Child process for the kill -9 test: opens the cache with the sidecar's real code and applies revision after
 * revision as fast as it can, announcing each one on stdout before and after its commit (synchronous writes, so
 * the parent never sees "applied" for an uncommitted revision). Runs until it is killed.
 */
const [path, keysArg] = process.argv.slice(2);
if (!path) throw new Error('usage: apply-forever <cache path> <keys>');
const keys = Number(keysArg ?? 2000);
const cache = openCache(path, Date.now);
writeSync(1, `opened ${cache.meta.revision}\n`);
for (;;) {
  const rev = cache.meta.revision + 1;
  const answer = answerAt(rev, keys);
  writeSync(1, `applying ${rev}\n`);
  const outcome = cache.applySync(answer);
  if (!outcome.applied) throw new Error(`revision ${rev} rejected: ${outcome.reason}`);
  writeSync(1, `applied ${rev}\n`);
}
