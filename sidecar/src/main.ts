#!/usr/bin/env node
import { parseConfig } from './config';
import { usage } from './config-flags';
import { createLogger } from './logger';
import { silenceKnownDeprecations } from './quiet-deprecations';
import { startSidecar } from './sidecar';
import { SYNC_PROTOCOL_VERSION } from './contract/sync';
import { SIDECAR_VERSION } from './version';

/** Process entry: parse config, start, stop cleanly on SIGTERM/SIGINT. Everything else lives in startSidecar. */
async function main(): Promise<void> {
  silenceKnownDeprecations();
  const parsed = parseConfig(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`gatehouse-sidecar ${SIDECAR_VERSION} (sync protocol ${SYNC_PROTOCOL_VERSION})\n`);
    return;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`Invalid configuration:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n\nRun with --help for usage.\n`);
    process.exit(2);
  }
  const logger = createLogger(parsed.config.logLevel);
  const sidecar = await startSidecar(parsed.config, { logger }).catch((error: unknown) => {
    logger.fatal({ err: error }, 'sidecar failed to start');
    process.exit(1);
  });

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal, exiting without waiting');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'shutdown requested');
    sidecar.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
