import type { OpenApiVerdict } from '../../_lib/types';

/** Says where the prefilled version came from, or why the publisher must give one, naming the rule either way. */
export function VersionHint({ verdict }: { verdict: OpenApiVerdict | null }) {
  if (!verdict?.valid) return 'Letters, digits, dot, dash and underscore.';
  const { info, suggested, versionRule } = verdict;
  if (suggested.version === null) return <span title={versionRule}>The document&apos;s info.version &quot;{info.version}&quot; leaves no usable label: give one (letters, digits, . - _).</span>;
  if (suggested.version === info.version) return 'From the document\u2019s info.version.';
  return (
    <span title={versionRule}>
      Made from info.version &quot;{info.version}&quot;: characters other than letters, digits, . - _ become one dash.
    </span>
  );
}
