import { describe, expect, it } from 'vitest';
import { sidecarSupport } from './sidecar-compatibility';

describe('sidecar compatibility', () => {
  it('flags sidecars older than the oldest supported release, by semver order, not text order', () => {
    expect(sidecarSupport('0.9.0', '0.10.0')).toBe('unsupported');
    expect(sidecarSupport('0.10.0', '0.9.0')).toBe('supported');
    expect(sidecarSupport('1.2.3', '1.2.3')).toBe('supported');
    expect(sidecarSupport('1.2.2', '1.2.3')).toBe('unsupported');
    expect(sidecarSupport('2.0.0-rc.1', '1.9.9')).toBe('supported');
  });

  it('a sidecar that reported no version, or not a release number, is unknown rather than flagged', () => {
    expect(sidecarSupport(null)).toBe('unknown');
    expect(sidecarSupport('unknown')).toBe('unknown');
  });
});
