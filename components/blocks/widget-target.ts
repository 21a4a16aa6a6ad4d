import { isWidgetHash } from './widget-anchor';

/**
 * When the page's fragment names a widget (#widget-…), moves focus to its frame and brings it into
 * view. The browser has scrolled there, so the widget's client:visible island hydrates at once;
 * the frame is focusable only until focus leaves it.
 */
export function focusTargetWidget(): void {
  if (!isWidgetHash(window.location.hash)) return;
  const frame = document.getElementById(window.location.hash.slice(1));
  if (!frame?.classList.contains('widget')) return;
  frame.setAttribute('tabindex', '-1');
  frame.addEventListener('blur', () => frame.removeAttribute('tabindex'), { once: true });
  frame.focus();
}
