'use client';

import { useCallback, useMemo, useState } from 'react';
import type { OpenApiDoc } from '@/lib/client/openapi-doc';
import { REFERENCE_PAGE_SIZE, type ReferenceSection, referenceSections, sectionDocument } from '@/lib/openapi/reference-sections';

/** The address parameter naming the open section, so a section of a large reference can be linked to. */
export const SECTION_PARAM = 'section';

/**
 * What Scalar renders. A document of up to a page of operations goes whole, as it always has. A larger one goes a
 * section at a time (reference-sections.ts): Scalar's first render grows with the operations it is given, and whole
 * it blocked the page for seconds (e2e/specs/reference-performance.spec.ts: 2 MB of GitHub Enterprise's document
 * took 16 s, with an 11 s task, on a loaded machine; a section takes about as long as Scalar's own start). Cutting a
 * section out takes a few milliseconds, so no server round trip is worth it: the page has the whole document already
 * for its try-it console.
 */
export function useReferenceSection(document: OpenApiDoc) {
  const sections = useMemo(() => {
    const all = referenceSections(document, REFERENCE_PAGE_SIZE);
    return all.reduce((sum, s) => sum + s.operations.length, 0) > REFERENCE_PAGE_SIZE ? all : undefined;
  }, [document]);
  const [chosen, setChosen] = useState(() => new URLSearchParams(window.location.search).get(SECTION_PARAM) ?? '');
  const index = Math.max(0, sections?.findIndex((s) => s.id === chosen) ?? 0);
  const section: ReferenceSection | undefined = sections?.[index];
  const content = useMemo(() => (section ? (sectionDocument(document, section) as OpenApiDoc) : document), [document, section]);
  const select = useCallback(
    (i: number) => {
      const next = sections?.[i];
      if (!next) return;
      setChosen(next.id);
      const url = new URL(window.location.href);
      url.searchParams.set(SECTION_PARAM, next.id);
      url.hash = 'reference';
      window.history.replaceState(window.history.state, '', url);
    },
    [sections],
  );
  return { sections, index, section, content, select };
}
