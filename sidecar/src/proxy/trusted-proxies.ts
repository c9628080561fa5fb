import ipaddr from 'ipaddr.js';

type Address = ReturnType<typeof ipaddr.process>;

/**
 * The peers whose `X-Forwarded-*` and `Forwarded` headers the sidecar believes (like nginx's `set_real_ip_from`).
 * Empty by default: then every such header from a client is a claim, and is overwritten.
 */
export class TrustedProxies {
  private readonly ranges: [Address, number][];

  constructor(cidrs: readonly string[]) {
    this.ranges = cidrs.map((cidr) => {
      const [range, bits] = ipaddr.parseCIDR(cidr);
      return [range, bits];
    });
  }

  contains(address: string): boolean {
    if (this.ranges.length === 0 || !ipaddr.isValid(address)) return false;
    // `::ffff:10.0.0.1` (a v4 peer on a dual-stack socket) is matched as the v4 address it is.
    const parsed = ipaddr.process(address);
    for (const [range, bits] of this.ranges) if (parsed.kind() === range.kind() && parsed.match(range, bits)) return true;
    return false;
  }
}

/** Parses the `--trusted-proxies` list; null names the first entry that is not a CIDR. */
export function parseCidrList(list: string): { cidrs: string[]; invalid: string | null } {
  const cidrs = list.split(',').map((c) => c.trim()).filter(Boolean);
  return { cidrs, invalid: cidrs.find((c) => !ipaddr.isValidCIDR(c)) ?? null };
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy; then walk `X-Forwarded-For` from the right
 * past trusted hops, and take the first address that is not one (nginx `real_ip_recursive on`). A malformed entry
 * stops the walk: nothing left of it can be believed.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  if (!forwardedFor || !trusted.contains(peer)) return peer;
  const hops = forwardedFor.split(',');
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = (hops[i] as string).trim();
    if (!ipaddr.isValid(hop)) break;
    client = hop;
    if (!trusted.contains(hop)) break;
  }
  return client;
}
