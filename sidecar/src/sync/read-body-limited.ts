export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; detail: string };

/**
 * Reads a body without trusting its size: a broken or hostile portal must not make the sidecar buffer gigabytes.
 * The stream is cancelled as soon as the limit is crossed, and the bytes are kept raw because the signature covers
 * exactly these bytes.
 */
export async function readBodyLimited(response: Response, maxBytes: number): Promise<BodyRead> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, detail: `body of ${declared} bytes exceeds ${maxBytes}` };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, detail: `body exceeds ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
