import type { Encoding } from '../apis/served-document';

/**
 * The content coding to answer with, from `Accept-Encoding` (RFC 9110 12.5.3): brotli, then gzip, else none.
 * A coding listed with q=0 is refused; `*` stands for codings not listed.
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const weightOf = (coding: string) => q.get(coding) ?? q.get('*') ?? 0;
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return 'identity';
}

/** If-None-Match against a representation's ETag, by weak comparison as RFC 9110 13.1.2 requires for it. */
export function matchesIfNoneMatch(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}
