import Markdown from 'react-markdown';

/**
 * The publisher's Markdown overview. Raw HTML is dropped (`skipHtml`), so a document cannot inject markup or
 * scripts into the portal; react-markdown also refuses javascript: links by default.
 */
export function ApiOverview({ markdown }: { markdown: string }) {
  if (!markdown.trim()) return null;
  return (
    <div className="gatehouse-prose text-sm leading-6 text-zinc-700" data-testid="api-overview">
      <Markdown skipHtml>{markdown}</Markdown>
    </div>
  );
}
