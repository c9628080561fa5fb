import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { FleetResponse } from './fleet-types';

export const gatewaysKey = '/api/v1/admin/gateways';
/** Gateways report on every poll; refreshing this often shows a new or lost gateway within seconds. */
const FLEET_REFRESH_MS = 3000;

export function useGateways(enabled = true) {
  const { data, error, isLoading } = useSWR<FleetResponse>(enabled ? gatewaysKey : null, fetcher, { refreshInterval: FLEET_REFRESH_MS });
  return { fleet: data, error, isLoading };
}
