import fs from 'node:fs';
import { isPostgresUrl } from './db/postgres';
import { readEmailSettings } from './email/email-settings';

/** Settings an operator may give as a file instead (`<NAME>_FILE`, e.g. a mounted Kubernetes or Docker secret). */
const FILE_SETTINGS = ['NEXTAUTH_SECRET', 'DATABASE_URL', 'GATEHOUSE_SMTP_URL'] as const;

/**
 * Completes the portal's environment in place, once per server process, before anything reads it: each
 * `<NAME>_FILE` becomes `<NAME>` (the file's content, trimmed) unless `<NAME>` is set, and `GATEHOUSE_PUBLIC_URL`
 * becomes next-auth's NEXTAUTH_URL. Returns the problems that a production portal must not start with, each a
 * sentence an operator can act on.
 */
export function resolvePortalEnv(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  for (const name of FILE_SETTINGS) {
    const file = env[`${name}_FILE`];
    if (!file || env[name]) continue;
    try {
      env[name] = fs.readFileSync(file, 'utf8').trim();
    } catch (err) {
      problems.push(`${name}_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  if (env.GATEHOUSE_PUBLIC_URL && !env.NEXTAUTH_URL) env.NEXTAUTH_URL = env.GATEHOUSE_PUBLIC_URL;

  if (!env.NEXTAUTH_URL) problems.push('GATEHOUSE_PUBLIC_URL (or NEXTAUTH_URL) is required: the URL browsers use to reach the portal');
  else if (!/^https?:\/\/[^/]+/.test(env.NEXTAUTH_URL)) problems.push(`GATEHOUSE_PUBLIC_URL must be an http(s) URL, got ${env.NEXTAUTH_URL}`);
  // Every replica must sign and accept the same session cookies, so the secret is configuration, never generated.
  if (!env.NEXTAUTH_SECRET) problems.push('NEXTAUTH_SECRET or NEXTAUTH_SECRET_FILE is required: the key that signs sessions, the same on every replica');
  else if (env.NEXTAUTH_SECRET.length < 32) problems.push('NEXTAUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  if (env.DATABASE_URL && !isPostgresUrl(env.DATABASE_URL)) problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL; leave it unset for the embedded SQLite file');
  // Email is optional; set, it must be usable, or notices would silently stay in the portal.
  try {
    readEmailSettings(env);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return problems;
}
