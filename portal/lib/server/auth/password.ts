import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { kdfGate } from './kdf-gate';

// scrypt with N=2^15, r=8, p=1 (~32 MiB, tens of ms): OWASP's recommended floor, and no native dependency.
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

// The callback form runs on libuv's thread pool, off the event loop; the gate caps how many run at once.
function derive(password: string, salt: Buffer, refusable = false): Promise<Buffer> {
  return kdfGate().run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
      ),
    refusable,
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , , , salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), true);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
