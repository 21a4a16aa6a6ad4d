import type { UrlNotice } from '../../lib/common';

interface Props {
  notices: UrlNotice[];
  onDismiss(): void;
}

/** Shows the link parameters a widget ignored, and why, until the reader dismisses them. */
export function Notices({ notices, onDismiss }: Props) {
  if (notices.length === 0) return null;
  return (
    <div class="widget-notice" role="status">
      <ul>
        {notices.map((n) => (
          <li key={n.name}>{n.message}</li>
        ))}
      </ul>
      <button type="button" class="button button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
