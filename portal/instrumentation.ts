// Runs once when the Next.js server starts, before it serves a request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddress } = await import('./lib/server/http/stamp-peer-address');
  stampPeerAddress();
  // Secrets given as files (NEXTAUTH_SECRET_FILE, DATABASE_URL_FILE) and the public URL, before anything reads them.
  const { resolvePortalEnv } = await import('./lib/server/portal-env');
  const problems = resolvePortalEnv();
  // The production image (portal/Dockerfile) starts this server directly: refuse to run misconfigured, and migrate
  // before the first request rather than during it. `npm run start:portal` checks and migrates before starting.
  if (process.env.GATEHOUSE_PRODUCTION_CHECKS === '1') {
    if (problems.length > 0) {
      for (const p of problems) console.error(`gatehouse portal: ${p}`);
      process.exit(1);
    }
    const { getDb } = await import('./lib/server/db/client');
    await getDb();
  }
}
