import { BlockList, isIP } from 'node:net';

import ipaddr from 'ipaddr.js';

/**
 * An OpenAPI import may reach only global unicast addresses unless an admin allows a range. ipaddr.js classifies
 * (the hand-kept table this replaced missed `::/96` and `2002::/16`, issue #13). IPv6 forms that carry an IPv4
 * address (IPv4-mapped and -compatible, 6to4, Teredo, NAT64) are judged by that IPv4 address, so `2002:7f00:1::`
 * is loopback like 127.0.0.1.
 */
function embeddedIPv4(a: ipaddr.IPv6): ipaddr.IPv4 | null {
  const b = a.toByteArray();
  const v4 = (bytes: number[]) => new ipaddr.IPv4(bytes);
  switch (a.range()) {
    case 'ipv4Mapped':
    case 'rfc6052': // NAT64 64:ff9b::/96
    case 'rfc6145':
      return v4(b.slice(12, 16));
    case '6to4':
      return v4(b.slice(2, 6));
    case 'teredo': // the client address, stored inverted in the last 32 bits
      return v4(b.slice(12, 16).map((x) => x ^ 0xff));
    default:
      // IPv4-compatible (::a.b.c.d, deprecated) sits in ::/96, which ipaddr.js files under 'reserved' or 'unspecified'.
      return b.slice(0, 12).every((x) => x === 0) ? v4(b.slice(12, 16)) : null;
  }
}

function isGlobalUnicast(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range() === 'unicast';
  return v6.range() === 'unicast' && v6.match(ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number]);
}

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
      return isGlobalUnicast(address);
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
