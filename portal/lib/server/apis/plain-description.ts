const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * A short plain-text description from a document's `info.description`, which is CommonMark and often carries raw
 * HTML (GitHub's and Stripe's do): tags are dropped (block-level ones become line breaks), common entities decoded,
 * and the first paragraph kept, cut at a word boundary to fit `max` characters. The import form prefills it; the
 * publisher can edit it. React escapes it when shown, so this is about readability, not safety.
 */
export function plainDescription(markdown: string, max = 500): string {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, name: string) => ENTITIES[name] ?? '');
  const paragraph = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .find((p) => p.length > 0);
  if (!paragraph) return '';
  if (paragraph.length <= max) return paragraph;
  const cut = paragraph.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
