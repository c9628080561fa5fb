export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: 'too_large' | 'invalid_body'; detail: string };

/**
 * Reads a JSON body without trusting its size: a broken or hostile portal must not make the sidecar buffer
 * gigabytes. The stream is cancelled as soon as the limit is crossed.
 */
export async function readJsonLimited(response: Response, maxBytes: number): Promise<JsonRead> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, reason: 'too_large', detail: `body of ${declared} bytes exceeds ${maxBytes}` };
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
        return { ok: false, reason: 'too_large', detail: `body exceeds ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, reason: 'invalid_body', detail: 'body is not JSON' };
  }
}
