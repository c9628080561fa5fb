import { describe, expect, it } from 'vitest';
import type { SubscriptionEntity } from '../contract/sync';
import { SubscriptionTable } from './subscription-table';

const sub = (appId: string, apiId: string, status: SubscriptionEntity['status'] = 'active'): SubscriptionEntity => ({ subscriptionId: 'sub_1', appId, apiId, tierId: 't', status });

describe('subscription table', () => {
  it('an upsert under the same sync id moves the subscription, and a deletion removes it from every lookup', () => {
    const table = new SubscriptionTable();
    table.put('sub_1', sub('app_a', 'api_1'));
    table.put('sub_1', sub('app_b', 'api_1', 'blocked'));
    expect(table.get('app_a', 'api_1')).toBeUndefined();
    expect(table.get('app_b', 'api_1')?.status).toBe('blocked');
    expect(table.get('app_b', 'api_2')).toBeUndefined();
    expect(table.size).toBe(1);
    table.put('sub_1', null);
    expect(table.get('app_b', 'api_1')).toBeUndefined();
    expect(table.size).toBe(0);
  });

  it('a stale entry for the same app and API under another id is not removed by deleting the older id', () => {
    const table = new SubscriptionTable();
    table.put('old', { ...sub('app_a', 'api_1'), subscriptionId: 'old' });
    table.put('new', { ...sub('app_a', 'api_1'), subscriptionId: 'new' });
    table.put('old', null);
    expect(table.get('app_a', 'api_1')?.subscriptionId).toBe('new');
  });
});
