import ipaddr from 'ipaddr.js';
import { PEER_HEADER, peerAddressStamped } from './stamp-peer-address';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * `GATEHOUSE_TRUSTED_PROXIES`: comma-separated addresses or CIDRs of the load balancers in front of the portal.
 * Only a request whose peer is one of them has its `X-Forwarded-For` read; anyone else's is a claim, not a fact.
 */
export function trustedProxies(value = process.env.GATEHOUSE_TRUSTED_PROXIES ?? ''): Cidr[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s): Cidr => {
      if (s.includes('/')) return ipaddr.parseCIDR(s);
      const address = normalize(ipaddr.parse(s));
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    });
}

const normalize = (a: ipaddr.IPv4 | ipaddr.IPv6) => (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a);

function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  return ipaddr.isValid(trimmed) ? normalize(ipaddr.parse(trimmed)) : null;
}

const isTrusted = (a: ipaddr.IPv4 | ipaddr.IPv6, trusted: Cidr[]) => trusted.some(([net, bits]) => net.kind() === a.kind() && a.match([net, bits] as never));

/**
 * The address a request came from, for throttling: the socket's peer, or, when that peer is a trusted proxy, the
 * right-most `X-Forwarded-For` entry that is not itself a trusted proxy (entries to its left are the client's claims).
 * IPv6 clients are grouped by /64, the block one subscriber usually holds, so rotating within it does not help.
 */
export function clientAddress(headers: { get(name: string): string | null }, trusted = trustedProxies()): string {
  const peer = peerAddressStamped() ? parse(headers.get(PEER_HEADER) ?? '') : null;
  if (!peer) return 'unknown';
  let client = peer;
  if (isTrusted(peer, trusted)) {
    const hops = (headers.get('x-forwarded-for') ?? '').split(',').map(parse);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i];
      if (!hop) break;
      client = hop;
      if (!isTrusted(hop, trusted)) break;
    }
  }
  if (client.kind() === 'ipv6') return `${ipaddr.IPv6.networkAddressFromCIDR(`${client.toString()}/64`).toString()}/64`;
  return client.toString();
}
