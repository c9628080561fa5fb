import 'server-only';
import { clientAddress } from '../http/client-address';
import { problemResponse } from '../http/problem-response';
import { portalOrigin } from '../portal-origin';
import { kdfGate } from './kdf-gate';
import { signInThrottle } from './sign-in-throttle';

/**
 * The answer to a credentials sign-in that must not be tried now (the account or the address is backing off, or the
 * password hashing queue is full), or null to go on. 429 problem+json with Retry-After; `url` carries an `error`
 * parameter because next-auth's client reads the outcome of a sign-in from it.
 */
export async function refuseThrottledSignIn(headers: Headers, email: string): Promise<Response | null> {
  const verdict = await signInThrottle().check(email, clientAddress(headers));
  const busy = kdfGate().stats.waiting >= kdfGate().maxWaiting;
  if (verdict.allowed && !busy) return null;
  const retryAfterS = verdict.allowed ? 1 : verdict.retryAfterS;
  const url = `${portalOrigin()}/signin?error=TooManyAttempts&retryAfter=${retryAfterS}`;
  return problemResponse(429, 'TOO_MANY_REQUESTS', 'Too many requests', `Too many sign-in attempts. Try again in ${retryAfterS} s.`, { retryAfterS, url });
}
