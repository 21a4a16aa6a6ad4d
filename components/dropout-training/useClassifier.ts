import { useRef } from 'preact/hooks';
import { DigitClassifier, networkFingerprint, type NetworkParameters } from '../../lib/course/dropout';

/** A classifier for the delivered network, rebuilt only when the network changes (an epoch's end, a restart); or why it could not be built. */
export function useClassifier(network: NetworkParameters | undefined): { classifier?: DigitClassifier; error?: string } {
  const cache = useRef<{ id: string; classifier?: DigitClassifier; error?: string }>();
  if (!network) return {};
  const id = networkFingerprint(network);
  if (cache.current?.id !== id) {
    try {
      cache.current = { id, classifier: new DigitClassifier(network) };
    } catch (e) {
      cache.current = { id, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return cache.current;
}
