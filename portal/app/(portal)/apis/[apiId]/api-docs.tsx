'use client';

import './scalar.css';
import { ApiReferenceReact } from '@scalar/api-reference-react';
import { useEffect, useMemo, useRef } from 'react';
import { forGateway, type OpenApiDoc } from '@/lib/client/openapi-doc';
import type { ApiEnvironment } from '@/lib/client/types';
import { useTheme } from '@/lib/client/use-theme';
import { ReferenceSectionPicker } from './reference-section-picker';
import { orderedEnvironments, scalarConfiguration } from './scalar-config';
import { useReferenceSection } from './use-reference-section';

/**
 * Two accessibility gaps in Scalar's markup, closed without changing how it looks. It renders its content in a
 * `<main>`, but this page already has the portal's `<main>` (a second one confuses landmark navigation): the element
 * stays (its layout depends on it) and becomes a labelled region. Its code blocks' copy buttons carry only an icon
 * and an aria-hidden label (axe: critical button-name): they get the name their label shows.
 */
function useScalarAccessibility(container: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const retag = () => {
      for (const main of root.querySelectorAll('main:not([role])')) main.setAttribute('role', 'region');
      for (const button of root.querySelectorAll('button.scalar-code-copy:not([aria-label])')) button.setAttribute('aria-label', 'Copy code');
    };
    retag();
    const observer = new MutationObserver(retag);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}

/**
 * Scalar's sticky parts sit below `--scalar-custom-header-height` (its documented hook for a host's own header);
 * the portal's header is sticky and changes height between phone and desktop, so the offset follows it.
 */
function useHeaderOffset(container: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = container.current;
    const header = document.querySelector('body header');
    if (!root || !header) return;
    const observer = new ResizeObserver(() => root.style.setProperty('--scalar-custom-header-height', `${header.getBoundingClientRect().height}px`));
    observer.observe(header);
    return () => observer.disconnect();
  }, [container]);
}

/** The API's reference, rendered by Scalar from the stored document, with the gateway as server and the key filled in. */
export default function ApiDocs({ document, environments, environmentId, apiKey }: {
  document: OpenApiDoc;
  environments: ApiEnvironment[];
  environmentId: string;
  apiKey: string;
}) {
  const { resolved } = useTheme();
  const container = useRef<HTMLDivElement>(null);
  useScalarAccessibility(container);
  useHeaderOffset(container);
  const { sections, index, section, content: shown, select } = useReferenceSection(document);
  const ordered = useMemo(() => orderedEnvironments(environments, environmentId), [environments, environmentId]);
  // Kept apart from the key: a large document is not copied (and re-read by Scalar) on every keystroke in the key field.
  const content = useMemo(() => forGateway(shown, ordered), [shown, ordered]);
  const configuration = useMemo(() => scalarConfiguration(content, ordered, apiKey, resolved === 'dark'), [content, ordered, apiKey, resolved]);
  const choose = (i: number) => {
    select(i);
    // Next at the end of a long section starts the following one at its top, not at the same scroll depth.
    const picker = window.document.getElementById('reference-sections');
    if (picker && picker.getBoundingClientRect().top < 0) picker.scrollIntoView({ block: 'start' });
  };
  return (
    <>
      {sections && <ReferenceSectionPicker sections={sections} selected={index} onSelect={choose} />}
      <div ref={container} className="gatehouse-scalar overflow-hidden rounded-xl border border-zinc-200" data-testid="api-docs">
        {/* Scalar's types lag its runtime options (agent, mcp, externalUrls); the object above is checked by Scalar's own schema. */}
        {/* Remounted on a theme change (Scalar reads its dark-mode setting when it mounts) and on another section. */}
        <ApiReferenceReact key={`${resolved} ${section?.id ?? ''}`} configuration={configuration as never} />
      </div>
    </>
  );
}
