'use client';

import { useState } from 'react';
import { postJson } from '@/lib/client/fetcher';
import { useAction } from '@/lib/client/use-action';
import { managedApiKey } from '../../_lib/hooks';
import type { DocumentDiff } from '../../_lib/types';

/** Asks the portal what a new document would change for this API's callers; the dialog shows it before any write. */
export function useDocumentReview(apiId: string) {
  const [diff, setDiff] = useState<DocumentDiff | null>(null);
  const review = useAction(async (openapi: string) => setDiff(await postJson<DocumentDiff>(`${managedApiKey(apiId)}/document-diff`, { openapi })));
  return { diff, review: review.run, pending: review.pending, error: review.error, close: () => setDiff(null) };
}
