import { requestUrl, type TryRequest } from './send-request';

/** Single-quotes a word for POSIX shells: the only character to escape inside single quotes is the quote itself. */
function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The request as a curl command a reader can paste into a terminal: same URL, method, key header and body. */
export function toCurl(r: TryRequest): string {
  let url: string;
  try {
    url = requestUrl(r);
  } catch {
    // A value Send refuses (it says why there); the command shows the path as the document writes it.
    url = r.baseUrl.replace(/\/+$/, '') + r.path;
  }
  const lines = [`curl ${shellQuote(url)}`];
  if (r.method !== 'GET') lines.push(`-X ${r.method}`);
  lines.push(`-H ${shellQuote(`x-api-key: ${r.apiKey || '<your key>'}`)}`);
  if (r.body.trim() !== '' && r.method !== 'GET' && r.method !== 'HEAD') {
    lines.push(`-H ${shellQuote('content-type: application/json')}`, `--data ${shellQuote(r.body)}`);
  }
  return lines.join(' \\\n  ');
}
