import { SessionClient } from './session-client';

export interface BenchUser {
  client: SessionClient;
  appId: string;
}

/**
 * `count` subscribers made the way people make themselves: sign-up, sign-in, an application, a subscription to
 * `apiId` on `tierId` (one that needs no approval). Done a few at a time, through the first replica.
 */
export async function makeUsers(count: number, base: string, publicUrl: string, apiId: string, tierId: string): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  const run = Date.now().toString(36);
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, async (_, j) => {
      const n = i + j;
      const email = `load-${run}-${n}@bench.example`;
      const password = `violet tractor moonbeam ${n}`;
      const client = new SessionClient(publicUrl);
      await client.call(base, 'POST', '/auth/signup', { email, name: `Load user ${n}`, password });
      await client.signIn(base, email, password);
      const app = await client.call<{ id: string }>(base, 'POST', '/apps', { name: `Load app ${n}` });
      const sub = await client.call<{ status: string }>(base, 'POST', `/apps/${app.id}/subscriptions`, { apiId, tierId });
      if (sub.status !== 'ACTIVE') throw new Error(`the bench's subscription is ${sub.status}: pick an API and tier without approval`);
      return { client, appId: app.id };
    });
    users.push(...(await Promise.all(batch)));
  }
  return users;
}
