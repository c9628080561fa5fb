import 'server-only';
import { expressionBuilder } from 'kysely';
import type { DB } from '../db/schema';

const eb = expressionBuilder<DB, 'subscriptions'>();

/**
 * What waits for a publisher's decision: a new subscription to an API that requires approval, and an active
 * subscription asking for another tier (which keeps working on its current tier meanwhile). One definition, so the
 * queue and the header's count can never disagree. A query that selects from `subscriptions` can use it as is.
 */
export const awaitsDecision = eb.or([
  eb('subscriptions.status', '=', 'PENDING'),
  eb.and([eb('subscriptions.status', '=', 'ACTIVE'), eb('subscriptions.requested_tier_id', 'is not', null)]),
]);
