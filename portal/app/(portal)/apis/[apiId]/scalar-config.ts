import { GATEWAY_SCHEME, type OpenApiDoc } from '@/lib/client/openapi-doc';
import type { ApiEnvironment } from '@/lib/client/types';

/** Code samples in curl, JavaScript (fetch) and Python (requests) only: the languages our users asked for. */
const HIDDEN_CLIENTS = {
  c: true, clojure: true, csharp: true, dart: true, fsharp: true, go: true, http: true, java: true, julia: true, kotlin: true,
  node: true, objc: true, ocaml: true, php: true, powershell: true, r: true, ruby: true, rust: true, swift: true,
  js: ['axios', 'jquery', 'ofetch', 'xhr'],
  python: ['python3', 'httpx_sync', 'httpx_async', 'aiohttp'],
  shell: ['httpie', 'wget'],
};

/**
 * Scalar's configuration. Every default that reaches a third-party host is switched off (fonts, telemetry, the
 * agent, MCP, the request proxy) and the external URLs it still carries point back at this origin, so the docs page
 * talks only to the portal and to the gateways: a browser test asserts that.
 *
 * Scalar's own request client ("Test Request") is hidden: the page's try-it console is the one way to send a
 * request. It creates a short-lived key for a subscribed application, calls the chosen gateway from the browser
 * and shows the gateway's rate-limit headers; Scalar's client would be a second console, opened in a modal outside
 * the portal's layout, knowing nothing of applications or keys.
 */
export function scalarConfiguration(content: OpenApiDoc, ordered: ApiEnvironment[], apiKey: string, dark: boolean) {
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return {
    content,
    servers: ordered.map((e) => ({ url: e.baseUrl, description: e.name })),
    authentication: {
      preferredSecurityScheme: GATEWAY_SCHEME,
      securitySchemes: { [GATEWAY_SCHEME]: { value: apiKey } },
    },
    persistAuth: false,
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    externalUrls: { dashboardUrl: `${origin}/`, registryUrl: `${origin}/`, proxyUrl: `${origin}/`, apiBaseUrl: `${origin}/` },
    hiddenClients: HIDDEN_CLIENTS,
    defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
    showDeveloperTools: 'never',
    hideDarkModeToggle: true,
    hideTestRequestButton: true,
    hideClientButton: true,
    // The portal's own search (Cmd/Ctrl-K) covers the catalog; Scalar's would bind the same keys and add a sticky bar.
    hideSearch: true,
    forceDarkModeState: dark ? 'dark' : 'light',
    darkMode: dark,
    documentDownloadType: 'none',
    hideModels: false,
    showSidebar: false,
    defaultOpenAllTags: true,
    metaData: {},
  } as const;
}

/** The chosen environment first: Scalar's code samples use the first server. */
export function orderedEnvironments(environments: ApiEnvironment[], environmentId: string): ApiEnvironment[] {
  return [...environments].sort((a, b) => Number(b.id === environmentId) - Number(a.id === environmentId));
}
