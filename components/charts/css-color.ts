/**
 * Turns a CSS colour expression (a theme variable such as `var(--chart-1)`, or a
 * `color-mix(...)` of them) into a colour a canvas accepts, by letting the browser compute it on
 * a hidden element. Results are cached until the theme changes.
 */
const cache = new Map<string, string>();
let probe: HTMLElement | undefined;
let watching = false;

/** The computed colour of `expression` (e.g. "rgb(42, 95, 208)"), resolved in the document's theme. */
export function resolveCssColor(expression: string): string {
  const hit = cache.get(expression);
  if (hit !== undefined) return hit;
  if (!probe) {
    probe = document.createElement('span');
    probe.style.display = 'none';
    document.body.append(probe);
  }
  if (!watching) {
    // Colours depend on the theme: forget them all when it changes.
    new MutationObserver(() => cache.clear()).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    watching = true;
  }
  probe.style.color = '';
  probe.style.color = expression;
  const value = getComputedStyle(probe).color;
  cache.set(expression, value);
  return value;
}
