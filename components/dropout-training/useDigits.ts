import { useEffect, useState } from 'preact/hooks';
import type { DigitSet } from '../../lib/course/dropout';
import { fetchDigits } from './fetch-digits';

/** The lesson's digits, once fetched (297 KB, only by this widget), or why they could not be. */
export function useDigits(): { digits: DigitSet | undefined; error: string | undefined } {
  const [digits, setDigits] = useState<DigitSet>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    fetchDigits().then(
      (d) => live && setDigits(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { digits, error };
}
