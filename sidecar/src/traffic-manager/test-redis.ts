import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';

/** The Redis the traffic-manager tests run against; CI starts one (.ci/run). */
export const TEST_REDIS_URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when a Redis answers PING at TEST_REDIS_URL within a second. */
export async function redisAnswers(url = TEST_REDIS_URL): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A key prefix no other test shares, so parallel test files never see each other's counters. */
export function uniquePrefix(): string {
  return `gatehouse-test:${randomUUID()}`;
}

/** Deletes every key under a test's prefix. */
export async function dropPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

/**
 * A TCP relay in front of Redis that a test can cut, so a test takes Redis away from the sidecars without stopping
 * the shared server: `refuse` resets every connection and refuses new ones; `stall` holds every byte in both
 * directions (a Redis that hangs; what it held is delivered in order on `restore`, as a slow server would).
 */
export async function startRedisRelay(target = TEST_REDIS_URL) {
  const { hostname, port } = new URL(target);
  let mode: 'relay' | 'refuse' | 'stall' = 'relay';
  const pipes = new Set<{ flush: () => void; destroy: () => void }>();
  const server = net.createServer((client) => {
    if (mode === 'refuse') return void client.destroy();
    const upstream = net.connect(Number(port || 6379), hostname);
    const held: [net.Socket, Buffer][] = [];
    const pipe = {
      flush() {
        for (const [to, chunk] of held.splice(0)) to.write(chunk);
      },
      destroy() {
        client.destroy();
        upstream.destroy();
        pipes.delete(pipe);
      },
    };
    pipes.add(pipe);
    const relay = (to: net.Socket) => (chunk: Buffer) => {
      if (mode === 'relay') to.write(chunk);
      else held.push([to, chunk]);
    };
    client.on('data', relay(upstream));
    upstream.on('data', relay(client));
    client.on('error', pipe.destroy).on('close', pipe.destroy);
    upstream.on('error', pipe.destroy).on('close', pipe.destroy);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${address.port}`,
    refuse() {
      mode = 'refuse';
      for (const pipe of [...pipes]) pipe.destroy();
    },
    stall() {
      mode = 'stall';
    },
    restore() {
      mode = 'relay';
      for (const pipe of pipes) pipe.flush();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pipe of [...pipes]) pipe.destroy();
        server.close(() => resolve());
      }),
  };
}
