import useSWR from 'swr';
import { fetcher } from './fetcher';

export const importSettingsKey = '/api/v1/admin/settings/import';

export function useImportSettings(enabled = true) {
  const { data, error, isLoading } = useSWR<{ allowedCidrs: string[] }>(enabled ? importSettingsKey : null, fetcher);
  return { settings: data, error, isLoading };
}
