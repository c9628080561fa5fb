import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePort } from './stack-config';

describe('parsePort', () => {
  it('takes the fallback when the variable is unset or blank', () => {
    expect(parsePort('GATEHOUSE_PORTAL_PORT', undefined, 3000)).toBe(3000);
    expect(parsePort('GATEHOUSE_PORTAL_PORT', ' ', 3000)).toBe(3000);
  });

  it('takes every port from 1 to 65535', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 65535 }), (p) => parsePort('X', String(p), 1) === p));
  });

  it.each(['abc', '0', '65536', '3000.5', '-1', '3e3', '0x10', '80 81'])('refuses %j, naming the variable', (raw) => {
    expect(() => parsePort('GATEHOUSE_GATEWAY_PORT', raw, 8080)).toThrow(/GATEHOUSE_GATEWAY_PORT must be a port number/);
  });
});
