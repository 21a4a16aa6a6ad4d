import { decodeDigits, DIGITS_PATH, type DigitSet } from '../../lib/course/dropout';
import { fetchSiteFile } from '../widget-kit/site-file';

let loading: Promise<DigitSet> | undefined;

/** Fetches and decodes the lesson's digits once per page; a failed fetch is tried again on the next call. */
export function fetchDigits(): Promise<DigitSet> {
  loading ??= fetchSiteFile(DIGITS_PATH).then(decodeDigits);
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
