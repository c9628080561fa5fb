import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SidecarCache } from '../cache/cache-store';
import type { Clock } from '../clock';
import type { TierEntity } from '../contract/sync';
import { admitRequest } from '../proxy/admit-request';
import { parseRequestTarget } from '../proxy/canonical-path';
import { judgeFraming } from '../proxy/request-framing';
import { type LimitOutcome, type Subscriber, TierLimiter } from '../ratelimit/tier-limiter';
import type { TrafficManager } from './traffic-manager';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Decisions by where they were made, as plain numbers read at scrape time. */
export interface DecisionCounts {
  /** Decided by the shared script in Redis. */
  redis: number;
  /** Decided by this replica's own limiter: on the fallback, or a request Redis did not answer in time. */
  local: number;
  /** Redis decided but the request path never asked (it refused the request first): should stay near zero. */
  unclaimed: number;
  /** The client went away while Redis decided. */
  abandoned: number;
}

/**
 * The request path's tier limiter, fed by the gate below: it answers with the decision Redis made for the request
 * being handled, and decides locally (the plain TierLimiter) when there is none. The hand-over is synchronous: the
 * gate sets the decision and calls the request path, which checks the limit before it returns.
 */
export class HandedOverLimiter extends TierLimiter {
  readonly counts: DecisionCounts = { redis: 0, local: 0, unclaimed: 0, abandoned: 0 };
  private pending: { subscriptionId: string; outcome: LimitOutcome } | null = null;

  handOver(subscriptionId: string, outcome: LimitOutcome, run: () => void): void {
    this.pending = { subscriptionId, outcome };
    try {
      run();
    } finally {
      if (this.pending !== null) this.counts.unclaimed++;
      this.pending = null;
    }
  }

  override check(who: Subscriber, tier: TierEntity | null, now: number): LimitOutcome | null {
    const pending = this.pending;
    if (pending !== null && pending.subscriptionId === who.subscriptionId) {
      this.pending = null;
      this.counts.redis++;
      return pending.outcome;
    }
    const outcome = super.check(who, tier, now);
    if (outcome) this.counts.local++;
    return outcome;
  }
}

export interface SharedLimitsDeps {
  cache: SidecarCache;
  now: Clock;
  maxStalenessS: number | undefined;
  manager: TrafficManager;
  limiter: HandedOverLimiter;
}

/**
 * Runs before the request path while the traffic manager is on Redis: it admits the request the same way the path
 * will (admitRequest is pure and reads only the in-memory index), asks Redis for the subscription's decision, then
 * hands the request and the decision to the path. The request path stays synchronous and unaware of Redis; on the
 * fallback this gate is one boolean check.
 */
export function withSharedLimits(inner: Handler, { cache, now, maxStalenessS, manager, limiter }: SharedLimitsDeps): Handler {
  return function sharedLimitsGate(req: IncomingMessage, res: ServerResponse): void {
    if (!manager.onRedis) {
      inner(req, res);
      return;
    }
    // What the request path will refuse before routing (ambiguous framing, a path two parsers could read apart) is
    // handed to it at once: a refused request must not spend a shared token, and only the canonical path is matched.
    const target = parseRequestTarget(req.url ?? '/');
    if (!target.ok || !judgeFraming(req).ok) {
      inner(req, res);
      return;
    }
    const at = now();
    const admission = admitRequest({ cache, path: target.path, headers: req.headers, now: at, maxStalenessS });
    if (!admission.ok || !admission.tier || !manager.governs(admission.tier)) {
      inner(req, res);
      return;
    }
    void manager.decide(admission, admission.tier, at).then((outcome) => {
      if (req.socket.destroyed) {
        limiter.counts.abandoned++;
        return;
      }
      if (outcome === null) inner(req, res);
      else limiter.handOver(admission.subscriptionId, outcome, () => inner(req, res));
    });
  };
}
