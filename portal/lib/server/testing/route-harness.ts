import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '@/lib/server/actor';
import type { Db } from '@/lib/server/db/client';
import { createPersonalToken } from '@/lib/server/tokens/create-personal-token';

// The harness lives outside app/ so Next never treats it as part of the app; it reaches the routes by path.
const V1 = path.resolve(import.meta.dirname, '../../../app/api/v1');

/** Points the route handlers' getDb() at a test database (it lives on globalThis, see db/client.ts). */
export function useDbForRoutes(db: Db): void {
  (globalThis as unknown as { __gatehouseDb?: Promise<Db> }).__gatehouseDb = Promise.resolve(db);
}

export async function tokenFor(db: Db, actor: Actor): Promise<string> {
  return (await createPersonalToken(db, actor, { name: 'test', expiresAt: null })).token;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a real route handler the way Next.js does, authenticated by a personal access token. */
export async function callRoute(route: string, verb: string, params: Record<string, string>, token: string | null, body?: unknown) {
  const mod = (await import(/* @vite-ignore */ path.join(V1, route, 'route.ts'))) as Record<string, Handler>;
  const handler = mod[verb];
  if (!handler) throw new Error(`${route} has no ${verb}`);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const url = `http://portal.test/api/v1/${route.replace(/\[(\w+)\]/g, (_m, p: string) => params[p] ?? '')}`;
  const res = await handler(new Request(url, { method: verb, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** Every route file under /api/v1 and the verbs it exports, found on disk so a new route cannot escape the matrix. */
export async function listRoutes(): Promise<{ route: string; verbs: string[] }[]> {
  const out: { route: string; verbs: string[] }[] = [];
  const walk = async (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.name === 'route.ts') {
        const src = fs.readFileSync(full, 'utf8');
        const verbs = [...src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g), ...src.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        out.push({ route: path.relative(V1, dir), verbs });
      }
    }
  };
  await walk(V1);
  return out;
}

const API = path.resolve(import.meta.dirname, '../../../app/api');

/** Every route file under /api (v1, gateway, OAuth, next-auth) with its verbs and module path, found on disk. */
export function listAllApiRoutes(): { route: string; file: string; verbs: string[] }[] {
  const out: { route: string; file: string; verbs: string[] }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === 'route.ts') {
        const src = fs.readFileSync(full, 'utf8');
        const verbs = [...src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g), ...src.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        out.push({ route: path.relative(API, dir), file: full, verbs });
      }
    }
  };
  walk(API);
  return out;
}
