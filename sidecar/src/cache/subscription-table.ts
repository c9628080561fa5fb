import type { SubscriptionEntity } from '../contract/sync';

/**
 * Subscriptions by sync id (for upserts and deletions) and by API, then application (the request path's lookup).
 * Nested Maps rather than one Map keyed by a joined `app + api` string: a lookup concatenates nothing, and a load
 * of ~100k subscriptions makes no key string per subscription (strings that survived the load were what grew
 * V8's young generation, and the process's memory with it).
 */
export class SubscriptionTable {
  private readonly byId = new Map<string, SubscriptionEntity>();
  private readonly byApi = new Map<string, Map<string, SubscriptionEntity>>();

  put(id: string, entity: SubscriptionEntity | null): void {
    const old = this.byId.get(id);
    if (old !== undefined) {
      const apps = this.byApi.get(old.apiId);
      if (apps?.get(old.appId) === old) apps.delete(old.appId);
      this.byId.delete(id);
    }
    if (entity === null) return;
    // The portal's sync id is the subscription id: keep one string for both.
    this.byId.set(id === entity.subscriptionId ? entity.subscriptionId : id, entity);
    let apps = this.byApi.get(entity.apiId);
    if (apps === undefined) {
      apps = new Map();
      this.byApi.set(entity.apiId, apps);
    }
    apps.set(entity.appId, entity);
  }

  get(appId: string, apiId: string): SubscriptionEntity | undefined {
    return this.byApi.get(apiId)?.get(appId);
  }

  get size(): number {
    return this.byId.size;
  }
}
