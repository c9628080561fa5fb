/** The rule, in words, shown to publishers beside the version field and in the import result. */
export const VERSION_LABEL_RULE =
  'The version label is info.version with every run of characters other than letters, digits, dot, dash and underscore replaced by one dash, without leading or trailing dashes or dots, at most 50 characters: "2.0 (beta)" becomes "2.0-beta".';

/**
 * A version label the gateway can route and the catalog can show, from a document's `info.version` (see
 * VERSION_LABEL_RULE). Null when nothing usable is left, so the publisher is asked for one.
 */
export function deriveVersionLabel(infoVersion: string): string | null {
  const label = infoVersion
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 50)
    .replace(/[-.]+$/, '');
  return label.length > 0 ? label : null;
}
