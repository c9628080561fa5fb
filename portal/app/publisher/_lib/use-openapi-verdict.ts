'use client';

import { useEffect, useState } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import type { OpenApiVerdict } from './types';

/**
 * Validates a document as it arrives (debounced), for the import and replace forms. `onValid` gets the prefills;
 * the server caches the result by the text, so the write that follows does not process it again.
 */
export function useOpenApiVerdict(document: string, onValid?: (v: Extract<OpenApiVerdict, { valid: true }>) => void) {
  const [verdict, setVerdict] = useState<OpenApiVerdict | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: onValid is a fresh closure each render; the document alone decides when to validate
  useEffect(() => {
    if (!document.trim()) return setVerdict(null);
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const v = await postJson<OpenApiVerdict>('/api/v1/publisher/openapi/validate', { document });
        if (cancelled) return;
        setVerdict(v);
        if (v.valid) onValid?.(v);
      } catch (err) {
        if (!cancelled) setVerdict({ valid: false, problems: [errorMessage(err)] });
      }
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [document]);
  return [verdict, setVerdict] as const;
}
