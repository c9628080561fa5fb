import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth, ForbiddenKeyError, parseJsonSafely } from './json-guards';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('JSON guards for sync answers', () => {
  it('depth is counted on raw bytes, and brackets or escaped quotes inside strings do not count', () => {
    expect(exceedsJsonDepth(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(exceedsJsonDepth(bytes(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`), 2)).toBe(false);
  });

  it('prototype-shaped keys are refused however they are spelled, other keys parse normally', () => {
    expect(() => parseJsonSafely('{"__proto__":{"x":1}}')).toThrow(ForbiddenKeyError);
    expect(() => parseJsonSafely('{"a":{"\\u0063onstructor":{}}}')).toThrow(ForbiddenKeyError);
    expect(() => parseJsonSafely('[{"prototype":1}]')).toThrow(ForbiddenKeyError);
    expect(parseJsonSafely('{"proto":1,"a":["__proto__"]}')).toEqual({ proto: 1, a: ['__proto__'] });
  });
});
