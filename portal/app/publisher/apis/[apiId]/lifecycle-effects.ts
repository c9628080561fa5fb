import type { ApiStatus, ManagedApiDetail } from '../../_lib/types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The confirmation's words for a lifecycle change that takes something away from callers. */
export function lifecycleEffect(status: ApiStatus, api: ManagedApiDetail, successor?: string): { title: string; body: string; confirm: string } {
  const name = `${api.name} ${api.version}`;
  switch (status) {
    case 'RETIRED':
      return {
        title: `Retire ${name}? This is final.`,
        body: `Retiring cannot be undone: the version leaves the catalog, every gateway answers 404 on ${api.context} within a second, and its subscriptions stop working. Only a new version can reuse the context path.`,
        confirm: 'Retire for good',
      };
    case 'BLOCKED':
      return {
        title: `Block ${name}?`,
        body: `Every gateway answers 403 on ${api.context} within a second, for every subscriber, until you unblock it.`,
        confirm: 'Block traffic',
      };
    default:
      return {
        title: `Deprecate ${name}?`,
        body: `Gateways keep serving it, but no new application can subscribe. Subscribers are notified${successor ? ` and pointed to ${successor}` : ''}.`,
        confirm: 'Deprecate',
      };
  }
}

export function reachSentence(reach: ManagedApiDetail['reach']): string {
  if (reach.subscriptions + reach.pending === 0) return 'No application is subscribed to this version.';
  const pending = reach.pending > 0 ? `, ${plural(reach.pending, 'request')} awaiting approval` : '';
  return `This touches ${plural(reach.subscriptions, 'subscribed application')}${pending}, owned by ${plural(reach.developers, 'developer')}.`;
}
