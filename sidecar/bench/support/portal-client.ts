/**
 * The portal as an operator's automation sees it: next-auth's credentials sign-in for one session, then a personal
 * access token and the REST API (`/api/v1`). The bench drives the real portal this way so that `sidecar/` imports
 * nothing from `portal/`.
 */
export class PortalClient {
  private constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  /** Signs in with email and password and mints a personal access token (a cookie-authenticated JSON write). */
  static async signIn(url: string, email: string, password: string): Promise<PortalClient> {
    const jar = new Map<string, string>();
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair?.indexOf('=') ?? -1;
        if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = await fetch(`${url}/api/auth/csrf`);
    keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), origin: url },
      body: new URLSearchParams({ email, password, csrfToken, json: 'true' }),
    });
    keep(signIn);
    if (![...jar.keys()].some((name) => name.endsWith('session-token'))) throw new Error(`sign-in as ${email} failed: ${signIn.status}`);
    const minted = await fetch(`${url}/api/v1/account/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie(), origin: url },
      body: JSON.stringify({ name: 'bench', expiresAt: null }),
    });
    if (minted.status !== 201) throw new Error(`creating a personal access token failed: ${minted.status} ${await minted.text()}`);
    return new PortalClient(url, ((await minted.json()) as { token: string }).token);
  }

  /** One REST call with the token; a non-2xx answer throws with the problem's text. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}
