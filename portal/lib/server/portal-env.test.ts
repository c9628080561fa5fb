import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePortalEnv } from './portal-env';

const SECRET = 'x'.repeat(40);

describe('production portal settings', () => {
  it('reads secrets from files and the public URL into what next-auth reads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-env-'));
    try {
      fs.writeFileSync(path.join(dir, 'secret'), `${SECRET}\n`);
      fs.writeFileSync(path.join(dir, 'db'), 'postgres://portal:pw@db.internal:5432/gatehouse\n');
      const env: Record<string, string | undefined> = {
        NEXTAUTH_SECRET_FILE: path.join(dir, 'secret'),
        DATABASE_URL_FILE: path.join(dir, 'db'),
        GATEHOUSE_PUBLIC_URL: 'https://portal.example.com',
      };
      expect(resolvePortalEnv(env)).toEqual([]);
      expect(env).toMatchObject({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: 'postgres://portal:pw@db.internal:5432/gatehouse', NEXTAUTH_URL: 'https://portal.example.com' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every problem at once, so an operator fixes them in one go', () => {
    const problems = resolvePortalEnv({ NEXTAUTH_SECRET: 'short', DATABASE_URL: 'mysql://db/x', NEXTAUTH_SECRET_FILE: '/nonexistent' });
    expect(problems).toEqual([
      expect.stringContaining('GATEHOUSE_PUBLIC_URL (or NEXTAUTH_URL) is required'),
      expect.stringContaining('at least 32 characters'),
      expect.stringContaining('DATABASE_URL must be a postgres://'),
    ]);
    expect(resolvePortalEnv({ NEXTAUTH_SECRET_FILE: '/nonexistent/secret', NEXTAUTH_URL: 'https://p.example' })).toEqual([
      expect.stringContaining('NEXTAUTH_SECRET_FILE: cannot read /nonexistent/secret (ENOENT)'),
      expect.stringContaining('NEXTAUTH_SECRET or NEXTAUTH_SECRET_FILE is required'),
    ]);
  });

  it('email is optional, its SMTP URL may come from a file (it holds a password), and a half configuration is a problem', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-env-'));
    try {
      fs.writeFileSync(path.join(dir, 'smtp'), 'smtp://mailer:s3cret@mail.internal:587\n');
      const base = { NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: 'https://p.example' };
      expect(resolvePortalEnv({ ...base })).toEqual([]);
      const env: Record<string, string | undefined> = { ...base, GATEHOUSE_SMTP_URL_FILE: path.join(dir, 'smtp'), GATEHOUSE_SMTP_FROM: 'Gatehouse <gh@p.example>' };
      expect(resolvePortalEnv(env)).toEqual([]);
      expect(env.GATEHOUSE_SMTP_URL).toBe('smtp://mailer:s3cret@mail.internal:587');
      expect(resolvePortalEnv({ ...base, GATEHOUSE_SMTP_URL: 'smtp://mail.internal' })).toEqual([expect.stringContaining('GATEHOUSE_SMTP_FROM is required')]);
      expect(resolvePortalEnv({ ...base, GATEHOUSE_SMTP_URL: 'http://mail.internal', GATEHOUSE_SMTP_FROM: 'a@b.c' })).toEqual([expect.stringContaining('GATEHOUSE_SMTP_URL must look like smtp://')]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
