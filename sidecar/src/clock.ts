/**
 * Epoch milliseconds. Injected everywhere time decides an outcome (key expiry, staleness) so tests can move time
 * without sleeping and the sidecar judges expiry by its own clock, also while the cloud is unreachable.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
