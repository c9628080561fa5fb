import Link from 'next/link';
import { Badge, type Tone } from '@/components/badge';
import type { Subscription } from '@/lib/client/types';

type State = { label: string; tone: Tone; detail: string };

/**
 * What a caller gets from this subscription today: the API version's state outranks the subscription's own,
 * since a retired or blocked API answers 404 / 403 whatever the subscription says.
 */
export function subscriptionState(sub: Subscription): State {
  if (sub.api.status === 'RETIRED') return { label: 'Retired', tone: 'neutral', detail: 'This version is retired: gateways answer 404.' };
  if (sub.api.status === 'BLOCKED') return { label: 'Blocked', tone: 'danger', detail: 'The publisher blocked this API: gateways answer 403 until it is unblocked.' };
  if (sub.status === 'BLOCKED') return { label: 'Blocked', tone: 'danger', detail: 'This subscription is blocked: gateways answer 403.' };
  if (sub.status === 'PENDING') return { label: 'Pending', tone: 'warning', detail: 'Waiting for the publisher to approve it; keys do not work for this API yet.' };
  if (sub.status === 'REJECTED') return { label: 'Rejected', tone: 'danger', detail: 'The publisher rejected this subscription.' };
  if (sub.api.status === 'DEPRECATED') return { label: 'Deprecated', tone: 'warning', detail: 'Still served, but deprecated: plan a move to a newer version.' };
  return { label: 'Active', tone: 'success', detail: '' };
}

export function SubscriptionState({ sub }: { sub: Subscription }) {
  const state = subscriptionState(sub);
  return (
    <span data-testid="subscription-state">
      <Badge tone={state.tone}>{state.label}</Badge>
    </span>
  );
}

/** The sentence under a subscription that is not simply active, with the way forward when there is one. */
export function SubscriptionStateNote({ sub }: { sub: Subscription }) {
  const state = subscriptionState(sub);
  if (!state.detail) return null;
  const moved = sub.api.successor && (sub.api.status === 'DEPRECATED' || sub.api.status === 'RETIRED');
  return (
    <p className="mt-1 text-sm text-zinc-600" data-testid="subscription-note">
      {state.detail}
      {moved && sub.api.successor && (
        <>
          {' '}
          <Link href={`/apis/${encodeURIComponent(sub.api.successor.id)}`} className="font-medium text-indigo-700 hover:underline">
            Move to {sub.api.successor.version} →
          </Link>
        </>
      )}
    </p>
  );
}
