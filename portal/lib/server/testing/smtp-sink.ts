import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
}

/**
 * A real SMTP server on 127.0.0.1 for tests (the `smtp-server` package): it demands the login it was given,
 * answers RCPT TO with whatever `rcpt` decides (accept, or an error carrying an SMTP reply code), and keeps every
 * accepted message, decoded enough to assert on.
 */
export async function startSmtpSink(options: { port?: number; user?: string; pass?: string; rcpt?: (to: string) => { code: number; message: string } | null } = {}) {
  const received: ReceivedEmail[] = [];
  const rcptAttempts: string[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS offered, so the login may go unencrypted.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === (options.user ?? 'mailer') && auth.password === (options.pass ?? 'secret')) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid login'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      rcptAttempts.push(address.address);
      const refusal = options.rcpt?.(address.address);
      cb(refusal ? Object.assign(new Error(refusal.message), { responseCode: refusal.code }) : null);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const parsed = parseMessage(Buffer.concat(chunks).toString('utf8'));
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), ...parsed });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    rcptAttempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers and a text body as nodemailer writes them: folded headers, RFC 2047 words, quoted-printable or 7bit. */
function parseMessage(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map(headerText.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let text = raw.slice(split + 4);
  if (/quoted-printable/i.test(headers.get('content-transfer-encoding') ?? '')) {
    text = Buffer.from(text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8');
  }
  const subject = (headers.get('subject') ?? '').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, word: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(word, 'base64').toString('utf8') : Buffer.from(word.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8'),
  );
  return { subject, messageId: headers.get('message-id') ?? '', text: text.replace(/\r\n/g, '\n').trimEnd() };
}
