/** Why answers are kept only in this page, in words for the student (null when they are saved). */
import type { Persistence } from '../../lib/common';

/** The notice shown when the browser does not keep the student's answers. */
export function answersNotSavedText(persistence: Persistence): string | null {
  if (persistence.kind === 'browser') return null;
  const why =
    persistence.reason === 'full'
      ? "the browser's storage for this site is full"
      : persistence.reason === 'failed'
        ? `the browser refused to save them (${persistence.detail})`
        : 'this browser does not let the site store data (a private window, or storage turned off)';
  return `Your answers are not saved: ${why}. They are kept in this page until you leave or reload it; hand them in from My progress before you go.`;
}
