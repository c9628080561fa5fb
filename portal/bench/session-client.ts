/**
 * One person in a browser, as the portal sees them: a next-auth session cookie from the credentials sign-in, then
 * JSON calls with that cookie and the portal's Origin (cookie-authenticated writes must come from it). Requests go
 * to whichever replica `base()` names, the way a load balancer spreads them; the session is valid on all of them.
 */
export class SessionClient {
  private readonly jar = new Map<string, string>();

  constructor(
    /** The public URL: the Origin of writes, as a browser on the portal's page would send it. */
    private readonly origin: string,
  ) {}

  private cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  async signIn(base: string, email: string, password: string): Promise<void> {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    this.keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie(), origin: this.origin },
      body: new URLSearchParams({ email, password, csrfToken, json: 'true' }),
    });
    await res.arrayBuffer();
    this.keep(res);
    if (![...this.jar.keys()].some((name) => name.endsWith('session-token'))) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  }

  /** One REST call; a non-2xx answer throws with the problem's text. */
  async call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie: this.cookie(), origin: this.origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}
