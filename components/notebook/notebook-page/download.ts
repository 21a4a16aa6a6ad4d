/** Saving a text as a file the browser downloads. */
import { downloadBlob } from '../../widget-kit/download';

/** Starts the download of `text` as `fileName` (of MIME type `type`). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
