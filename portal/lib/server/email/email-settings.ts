import { z } from 'zod';

/** How the portal reaches its mail server; null when the operator configured none (the default: no email). */
export interface EmailSettings {
  smtp: SmtpOptions;
  from: string;
  /** The portal's address for links in emails (GATEHOUSE_PUBLIC_URL / NEXTAUTH_URL), when known. */
  publicUrl: string | null;
}

/** What nodemailer's SMTP transport needs, with timeouts that keep one send well inside its lease. */
export interface SmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

const smtpUrl = z
  .url({ protocol: /^smtps?$/, error: 'GATEHOUSE_SMTP_URL must look like smtp://user:password@host:587 (or smtps:// for TLS from the start)' })
  .transform((raw) => new URL(raw));

const schema = z.object({
  GATEHOUSE_SMTP_URL: smtpUrl,
  GATEHOUSE_SMTP_FROM: z.string({ error: 'GATEHOUSE_SMTP_FROM is required with GATEHOUSE_SMTP_URL: the sender, e.g. "Gatehouse <gatehouse@example.com>"' }).trim().min(3).max(320),
  NEXTAUTH_URL: z.string().optional(),
});

/**
 * Reads the email settings from the environment: none unless GATEHOUSE_SMTP_URL (or GATEHOUSE_SMTP_URL_FILE, see
 * portal-env.ts) is set, so `npm start` needs no mail server. Throws one sentence per problem when set but wrong.
 */
export function readEmailSettings(env: Record<string, string | undefined> = process.env): EmailSettings | null {
  if (!env.GATEHOUSE_SMTP_URL) return null;
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const url = parsed.data.GATEHOUSE_SMTP_URL;
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    smtp: {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      // smtp:// upgrades with STARTTLS whenever the server offers it; ?requireTLS=true refuses to send without it.
      requireTLS: url.searchParams.get('requireTLS') === 'true',
      ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    from: parsed.data.GATEHOUSE_SMTP_FROM,
    publicUrl: parsed.data.NEXTAUTH_URL?.replace(/\/+$/, '') || null,
  };
}

let memo: { key: string; settings: EmailSettings | null } | undefined;

/**
 * The settings of this process, read once per distinct configuration. A wrong configuration sends no email and says
 * so in the log, rather than failing the change that raised a notice (the start check lists it too: portal-env.ts).
 */
export function emailSettings(env: Record<string, string | undefined> = process.env): EmailSettings | null {
  const key = `${env.GATEHOUSE_SMTP_URL ?? ''}\n${env.GATEHOUSE_SMTP_FROM ?? ''}\n${env.NEXTAUTH_URL ?? ''}`;
  if (memo?.key !== key) {
    let settings: EmailSettings | null = null;
    try {
      settings = readEmailSettings(env);
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', msg: 'email disabled: SMTP settings are invalid', error: (err as Error).message }));
    }
    memo = { key, settings };
  }
  return memo.settings;
}
