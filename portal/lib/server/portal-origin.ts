/** The portal's public origin: the one browser origin gateways accept for try-it calls (CORS). */
export function portalOrigin(): string {
  return new URL(process.env.NEXTAUTH_URL ?? 'http://127.0.0.1:3000').origin;
}
