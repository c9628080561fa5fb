import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeadlineQueue } from './deadlines';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
afterEach(() => vi.useRealTimers());

const entry = (name: string) => ({ name, deadlineAt: 0 });

describe('deadline queue', () => {
  it('expires each entry once its own duration has passed, in the order they were added, never a removed one', () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<ReturnType<typeof entry>>(100, (e) => expired.push(e.name));
    const [a, b, c] = [entry('a'), entry('b'), entry('c')];
    queue.add(a);
    vi.advanceTimersByTime(40);
    queue.add(b);
    queue.add(c);
    queue.delete(b);
    vi.advanceTimersByTime(59);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['a']);
    vi.advanceTimersByTime(39);
    expect(expired).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['a', 'c']);
  });

  it('arms again for entries added after the queue went empty, and expires nothing once closed', () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<ReturnType<typeof entry>>(100, (e) => expired.push(e.name));
    queue.add(entry('a'));
    vi.advanceTimersByTime(100);
    queue.add(entry('b'));
    vi.advanceTimersByTime(100);
    expect(expired).toEqual(['a', 'b']);
    queue.add(entry('c'));
    queue.close();
    vi.advanceTimersByTime(1000);
    expect(expired).toEqual(['a', 'b']);
  });
});
