/**
 * The anchor a widget's frame gets from its title ("Activation explorer" → "widget-activation-explorer"):
 * stable as long as the title is, and prefixed so it never collides with a heading's id.
 */
export function widgetAnchor(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new Error(`widgetAnchor: expected a title with a letter or digit, got ${JSON.stringify(title)}`);
  return `widget-${slug}`;
}

/** True when `hash` (as in location.hash, with its #) names a widget anchor. */
export function isWidgetHash(hash: string): boolean {
  return /^#widget-[a-z0-9][a-z0-9-]*$/.test(hash);
}
