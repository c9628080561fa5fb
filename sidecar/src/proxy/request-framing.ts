import type { IncomingMessage } from 'node:http';

/** How the body the gateway reads from the client is delimited; the upstream request gets the same, set by us. */
export type BodyFraming = { kind: 'none' } | { kind: 'length'; bytes: number } | { kind: 'chunked' };

export type FramingVerdict = { ok: true; framing: BodyFraming } | { ok: false; code: 'AMBIGUOUS_FRAMING' };

const AMBIGUOUS: FramingVerdict = { ok: false, code: 'AMBIGUOUS_FRAMING' };
const NONE: FramingVerdict = { ok: true, framing: { kind: 'none' } };
const CHUNKED: FramingVerdict = { ok: true, framing: { kind: 'chunked' } };

/**
 * Decides the request's body framing from the raw header list, refusing anything two HTTP parsers could read
 * differently (RFC 9112 6.1-6.3, the grounds of request smuggling). Node's parser already refuses most of these
 * (CL+TE, several CL, obs-fold, bare CR); it lets through an unknown coding before `chunked` and Transfer-Encoding on
 * HTTP/1.0, and it is one `insecureHTTPParser` flag away from letting through the rest, so the gateway decides for
 * itself. Two Host headers are refused here too: the backend could route on either.
 */
export function judgeFraming(req: IncomingMessage): FramingVerdict {
  const raw = req.rawHeaders;
  let te: string | undefined;
  let cl: string | undefined;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    // Cheap first-letter filter: this loop runs for every request.
    const first = name.charCodeAt(0) | 0x20;
    if (first !== 0x74 && first !== 0x63 && first !== 0x68) continue;
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding') {
      if (te !== undefined) return AMBIGUOUS;
      te = raw[i + 1] as string;
    } else if (lower === 'content-length') {
      if (cl !== undefined) return AMBIGUOUS;
      cl = raw[i + 1] as string;
    } else if (lower === 'host' && ++hosts > 1) {
      return AMBIGUOUS;
    }
  }
  if (te !== undefined) {
    if (cl !== undefined || req.httpVersionMinor === 0 || te.trim().toLowerCase() !== 'chunked') return AMBIGUOUS;
    return CHUNKED;
  }
  if (cl === undefined) return NONE;
  if (!/^\d{1,15}$/.test(cl)) return AMBIGUOUS;
  return { ok: true, framing: { kind: 'length', bytes: Number(cl) } };
}
