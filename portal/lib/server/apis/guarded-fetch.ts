import 'server-only';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy';

export interface GuardedFetchOptions {
  policy: AddressPolicy;
  maxBytes: number;
  /** One deadline for the whole fetch, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Every address a host name resolves to; injectable so tests can play DNS. */
  resolveHost?: (host: string) => Promise<string[]>;
}

export type GuardedFetchResult =
  | { ok: true; text: string; finalUrl: string }
  | { ok: false; code: 'BAD_URL' | 'FORBIDDEN_ADDRESS' | 'TOO_LARGE' | 'TIMEOUT' | 'TOO_MANY_REDIRECTS' | 'HTTP_STATUS' | 'NETWORK'; message: string };

const defaultResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Fetches a URL on behalf of a user without letting them reach what the portal can reach. Every hop's host is
 * resolved here and every address checked (one private address among public ones refuses the host: DNS answers
 * rotate); the connection is then pinned to the checked address so a second DNS answer cannot swap it (rebinding).
 * Redirects are followed by hand, each hop checked again.
 */
export async function guardedFetch(rawUrl: string, opts: GuardedFetchOptions): Promise<GuardedFetchResult> {
  const deadline = Date.now() + opts.timeoutMs;
  let current = rawUrl;
  for (let hop = 0; hop <= opts.maxRedirects; hop++) {
    let url: URL;
    try {
      url = new URL(current);
    } catch {
      return { ok: false, code: 'BAD_URL', message: `Not a valid URL: ${current}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, code: 'BAD_URL', message: 'Only http and https URLs can be imported' };
    if (url.username || url.password) return { ok: false, code: 'BAD_URL', message: 'URLs with credentials are not accepted' };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await (opts.resolveHost ?? defaultResolve)(host);
    } catch {
      return { ok: false, code: 'NETWORK', message: `Cannot resolve ${host}` };
    }
    const refused = addresses.find((a) => !opts.policy.allows(a));
    if (addresses.length === 0 || refused) {
      return { ok: false, code: 'FORBIDDEN_ADDRESS', message: `${host} resolves to ${refused ?? 'nothing'}, a private or reserved address that imports may not reach` };
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { ok: false, code: 'TIMEOUT', message: `No answer within ${opts.timeoutMs} ms` };
    const answer = await requestOnce(url, addresses[0]!, remaining, opts.maxBytes);
    if (answer.kind === 'redirect') {
      current = new URL(answer.location, url).toString();
      continue;
    }
    if (answer.kind === 'error') return answer.result;
    return { ok: true, text: answer.text, finalUrl: url.toString() };
  }
  return { ok: false, code: 'TOO_MANY_REDIRECTS', message: `More than ${opts.maxRedirects} redirects` };
}

type Answer = { kind: 'body'; text: string } | { kind: 'redirect'; location: string } | { kind: 'error'; result: Extract<GuardedFetchResult, { ok: false }> };

function requestOnce(url: URL, address: string, timeoutMs: number, maxBytes: number): Promise<Answer> {
  const fail = (code: Extract<GuardedFetchResult, { ok: false }>['code'], message: string): Answer => ({ kind: 'error', result: { ok: false, code, message } });
  return new Promise((resolve) => {
    const family = isIP(address);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      headers: { accept: 'application/json, application/yaml, text/yaml, */*;q=0.5', 'user-agent': 'Gatehouse-OpenAPI-Import' },
      // Pin the connection to the address that was checked.
      lookup: (_host, options, cb) => {
        if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
        else cb(null, address, family);
      },
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(fail('TIMEOUT', `No answer within the time limit`));
    }, timeoutMs);
    const done = (a: Answer) => {
      clearTimeout(timer);
      resolve(a);
    };
    req.on('error', (err) => done(fail('NETWORK', `Could not fetch: ${err.message}`)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return done({ kind: 'redirect', location: res.headers.location });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return done(fail('HTTP_STATUS', `The server answered ${status}`));
      }
      if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
        req.destroy();
        return done(fail('TOO_LARGE', `The document is larger than ${maxBytes} bytes`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy();
          return done(fail('TOO_LARGE', `The document is larger than ${maxBytes} bytes`));
        }
        chunks.push(chunk);
      });
      res.on('end', () => done({ kind: 'body', text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => done(fail('NETWORK', `Could not fetch: ${err.message}`)));
    });
    req.end();
  });
}
