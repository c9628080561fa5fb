import { beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './client-address';
import { PEER_HEADER, stampPeerAddress } from './stamp-peer-address';

const h = (peer: string, xff?: string) => new Headers({ [PEER_HEADER]: peer, ...(xff && { 'x-forwarded-for': xff }) });

beforeAll(() => stampPeerAddress());

describe('the client address used for throttling', () => {
  it("is the socket's peer, whatever X-Forwarded-For claims, when no proxy is trusted", () => {
    expect(clientAddress(h('203.0.113.9', '1.2.3.4'), [])).toBe('203.0.113.9');
    expect(clientAddress(h('::ffff:203.0.113.9'), [])).toBe('203.0.113.9');
  });

  it('behind a trusted load balancer, is the right-most forwarded address that is not a trusted proxy', () => {
    const trusted = trustedProxies('10.0.0.0/8, 192.0.2.1');
    // The client put 1.2.3.4 in front itself; the balancer appended the real peer, 198.51.100.7.
    expect(clientAddress(h('10.1.2.3', '1.2.3.4, 198.51.100.7'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(h('192.0.2.1', '198.51.100.7, 10.9.9.9'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(h('198.51.100.50', '1.2.3.4'), trusted)).toBe('198.51.100.50');
  });

  it('groups IPv6 clients by /64, so rotating addresses within one block does not reset the count', () => {
    expect(clientAddress(h('2001:db8:1:2::a'), [])).toBe(clientAddress(h('2001:db8:1:2:ffff::b'), []));
    expect(clientAddress(h('2001:db8:1:2::a'), [])).not.toBe(clientAddress(h('2001:db8:1:3::a'), []));
  });
});
