import type { ClientEntity, KeyEntity, RouteEntity, SubscriptionEntity, SyncChange, SyncSettings, TierEntity } from '../contract/sync';
import { digestOfHex, KeyTable } from '../verify/key-table';
import { compileSigningKey, type CompiledSigningKey } from '../verify/signing-keys';
import { SubscriptionTable } from './subscription-table';
import { compileUpstream, type UpstreamBase } from './upstream-base';

/** A route with its upstream URL parsed once, at sync time, instead of on every request. */
export interface CompiledRoute {
  route: RouteEntity;
  upstream: UpstreamBase;
}

/**
 * Entities addressed by their sync id, plus one secondary lookup (the one the request path needs). Upserts and
 * deletions arrive by id, requests look up by the secondary key.
 */
class Table<T> {
  readonly byId = new Map<string, T>();
  readonly byKey = new Map<string, T>();
  constructor(private readonly keyOf: (entity: T) => string) {}

  put(id: string, entity: T | null): void {
    const old = this.byId.get(id);
    if (old !== undefined) {
      const oldKey = this.keyOf(old);
      if (this.byKey.get(oldKey) === old) this.byKey.delete(oldKey);
      this.byId.delete(id);
    }
    if (entity !== null) {
      this.byId.set(id, entity);
      this.byKey.set(this.keyOf(entity), entity);
    }
  }

  get size(): number {
    return this.byId.size;
  }
}

/**
 * The request path's view of the cache: plain Maps, so serving a request never touches SQLite. It is changed only
 * after the SQLite transaction that holds the same change has committed.
 */
export class CacheIndex {
  private readonly routes = new Table<CompiledRoute>((r) => r.route.context);
  /** Compact: it holds every synced key, up to millions (verify/key-table.ts). */
  readonly keys = new KeyTable();
  private readonly subscriptions = new SubscriptionTable();
  private readonly tiers = new Table<TierEntity>((t) => t.tierId);
  /** OAuth token signing keys by `kid`, imported once at sync time so a request only verifies. */
  private readonly signingKeys = new Table<CompiledSigningKey>((k) => k.entity.kid);
  private readonly clients = new Table<ClientEntity>((c) => c.clientId);
  corsOrigins: ReadonlySet<string> = new Set();
  /** API ids and tier ids: few distinct values, each shared by many subscriptions. */
  private readonly words = new Map<string, string>();

  apply(change: SyncChange): void {
    switch (change.kind) {
      case 'route':
        this.routes.put(change.id, change.data && { route: change.data, upstream: compileUpstream(change.data.upstreamUrl) });
        break;
      case 'key':
        this.keys.put(change.id, change.data);
        break;
      case 'subscription':
        this.subscriptions.put(change.id, change.data && this.compactSubscription(change.data));
        break;
      case 'tier':
        this.tiers.put(change.id, change.data);
        break;
      case 'jwk':
        this.signingKeys.put(change.id, change.data && compileSigningKey(change.data));
        break;
      case 'client':
        this.clients.put(change.id, change.data);
        break;
    }
  }

  /**
   * A subscription held with shared strings: the app id the key table already interned, and one copy each of the
   * few API ids, tier ids and statuses. A million-key cache holds ~100k subscriptions; their own copies of these
   * strings were megabytes of heap, and young objects surviving the load made V8 grow its young generation to the
   * maximum, tens of MiB resident for the life of the process.
   */
  private compactSubscription(s: SubscriptionEntity): SubscriptionEntity {
    return { subscriptionId: s.subscriptionId, appId: this.keys.sharedAppId(s.appId), apiId: this.word(s.apiId), tierId: this.word(s.tierId), status: s.status === 'active' ? 'active' : 'blocked' };
  }

  private word(value: string): string {
    const shared = this.words.get(value);
    if (shared !== undefined) return shared;
    this.words.set(value, value);
    return value;
  }

  setSettings(settings: SyncSettings): void {
    this.corsOrigins = new Set(settings.corsOrigins);
  }

  routeByContext(context: string): CompiledRoute | undefined {
    return this.routes.byKey.get(context);
  }

  /** By hex SHA-256, as synced. Allocates the entity: the request path uses `keys.slotOf` instead. */
  keyByHash(hash: string): KeyEntity | undefined {
    const slot = this.keys.slotOf(digestOfHex(hash));
    return slot >= 0 ? this.keys.entity(slot) : undefined;
  }

  subscription(appId: string, apiId: string): SubscriptionEntity | undefined {
    return this.subscriptions.get(appId, apiId);
  }

  tier(tierId: string): TierEntity | undefined {
    return this.tiers.byKey.get(tierId);
  }

  signingKey(kid: string): CompiledSigningKey | undefined {
    return this.signingKeys.byKey.get(kid);
  }

  client(clientId: string): ClientEntity | undefined {
    return this.clients.byKey.get(clientId);
  }

  counts(): { routes: number; keys: number; subscriptions: number; tiers: number } {
    return { routes: this.routes.size, keys: this.keys.size, subscriptions: this.subscriptions.size, tiers: this.tiers.size };
  }

  get entityCount(): number {
    return this.routes.size + this.keys.size + this.subscriptions.size + this.tiers.size + this.signingKeys.size + this.clients.size;
  }
}
