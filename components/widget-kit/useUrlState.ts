import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { defaultsOf, parseState, writeState, type Schema, type UrlNotice, type ValuesOf } from '../../lib/common';

const WRITE_DELAY_MS = 250;

/** A widget's state, kept in the page URL so that a link shares it. */
export interface UrlState<S extends Schema> {
  values: ValuesOf<S>;
  /** Changes some values; the URL follows a moment later. */
  update(patch: Partial<ValuesOf<S>>): void;
  /** Returns every value to its default and clears the notices. */
  reset(): void;
  /** Parameters from the link that were ignored, with the reason. */
  notices: UrlNotice[];
  /** Hides the notices. */
  dismissNotices(): void;
}

/**
 * State described by a schema of URL fields (see lib/common/url-state.ts). Renders with the defaults
 * first (as the server did), reads the URL before the first paint, and writes changes back with
 * history.replaceState, debounced so that dragging a slider does not flood the history API.
 */
export function useUrlState<S extends Schema>(schema: S): UrlState<S> {
  const [values, setValues] = useState<ValuesOf<S>>(() => defaultsOf(schema));
  const [notices, setNotices] = useState<UrlNotice[]>([]);
  const loaded = useRef(false);

  useLayoutEffect(() => {
    const parsed = parseState(schema, new URLSearchParams(window.location.search));
    setValues(parsed.values);
    setNotices(parsed.notices);
    loaded.current = true;
  }, [schema]);

  useEffect(() => {
    if (!loaded.current) return undefined;
    const timer = window.setTimeout(() => {
      const url = new URL(window.location.href);
      writeState(schema, values, url.searchParams);
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
    }, WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [schema, values]);

  const update = useCallback((patch: Partial<ValuesOf<S>>) => setValues((v) => ({ ...v, ...patch })), []);
  const reset = useCallback(() => {
    setValues(defaultsOf(schema));
    setNotices([]);
  }, [schema]);
  const dismissNotices = useCallback(() => setNotices([]), []);

  return { values, update, reset, notices, dismissNotices };
}
