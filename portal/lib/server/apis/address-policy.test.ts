import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressPolicy } from './address-policy';

// Issue #13, finding 6: the hand-kept range table let `::/96` (IPv4-compatible) and `2002::/16` (6to4) through.
const policy = addressPolicy();

describe('the import SSRF guard allows only global unicast', () => {
  it('refuses IPv4 loopback, private and metadata addresses wrapped in every IPv6 form', () => {
    for (const a of ['::127.0.0.1', '::7f00:1', '::a9fe:a9fe', '2002:7f00:1::', '2002:a00:1::1', '2002:a9fe:a9fe::', '64:ff9b::127.0.0.1', '::ffff:10.0.0.1', '2001:0:4136:e378:8000:63bf:80ff:fffe']) {
      expect(policy.allows(a), a).toBe(false);
    }
  });

  it('refuses special IPv6 and IPv4 ranges and allows public addresses', () => {
    for (const a of ['::', '::1', 'fe80::1', 'fc00::1', 'ff02::1', '2001:db8::1', '100::1', '127.0.0.1', '10.1.2.3', '169.254.169.254', '100.64.0.1', '192.0.2.1', '0.0.0.0', '255.255.255.255']) {
      expect(policy.allows(a), a).toBe(false);
    }
    for (const a of ['93.184.216.34', '2606:4700::1111', '2002:5db8:d822::1', '::ffff:93.184.216.34']) expect(policy.allows(a), a).toBe(true);
  });

  it('judges a 6to4 address by the IPv4 address inside it (generated)', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        const sixToFour = `2002:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}::1`;
        return policy.allows(sixToFour) === policy.allows(v4);
      }),
    );
  });

  it('an admin-allowed range is still reachable', () => {
    expect(addressPolicy(['10.1.0.0/16']).allows('10.1.2.3')).toBe(true);
  });
});
