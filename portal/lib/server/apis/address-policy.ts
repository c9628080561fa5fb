import { BlockList, isIP } from 'node:net';

/**
 * Addresses an OpenAPI import must never reach unless an admin allows them: loopback, private, link-local (cloud
 * metadata lives at 169.254.169.254), carrier-grade NAT, multicast, reserved and documentation ranges, and NAT64.
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) needs no entry: node's BlockList checks it against the IPv4 rules (and a
 * `::ffff:0:0/96` rule would match every IPv4 address).
 */
const FORBIDDEN: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const forbidden = new BlockList();
for (const [net, prefix, type] of FORBIDDEN) forbidden.addSubnet(net, prefix, type);

export interface AddressPolicy {
  /** Is this resolved IP address one the portal may connect to? */
  allows(address: string): boolean;
}

/** `allowCidrs` is the admin setting: ranges (e.g. `10.1.0.0/16`) exempted on purpose, such as an intranet host. */
export function addressPolicy(allowCidrs: readonly string[] = []): AddressPolicy {
  const allowed = new BlockList();
  for (const cidr of allowCidrs) {
    const parsed = parseCidr(cidr);
    if (parsed) allowed.addSubnet(parsed.net, parsed.prefix, parsed.type);
  }
  return {
    allows(address) {
      const type = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
      if (!type) return false;
      if (allowed.check(address, type)) return true;
      return !forbidden.check(address, type);
    },
  };
}

export function parseCidr(cidr: string): { net: string; prefix: number; type: 'ipv4' | 'ipv6' } | null {
  const [net = '', bits] = cidr.trim().split('/');
  const family = isIP(net);
  if (!family) return null;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
  return { net, prefix, type: family === 4 ? 'ipv4' : 'ipv6' };
}
