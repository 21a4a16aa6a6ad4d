import { useCallback, useMemo } from 'preact/hooks';
import type { Schema, ValuesOf } from '../../lib/common';
import { useUrlState, type UrlState } from '../widget-kit/useUrlState';

/** The schema with every URL parameter name prefixed ("k" becomes "rgb-k"). */
function prefixSchema(schema: Schema, prefix: string): Schema {
  return Object.fromEntries(Object.entries(schema).map(([name, field]) => [`${prefix}${name}`, field]));
}

function renameKeys(values: Record<string, unknown>, rename: (key: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [rename(key), value]));
}

/**
 * useUrlState with every parameter name prefixed, so that two copies of one widget on a page keep
 * separate state in the same URL. Values and updates use the unprefixed names; notices name the
 * prefixed parameter, as it appears in the link.
 */
export function usePrefixedUrlState<S extends Schema>(schema: S, prefix: string): UrlState<S> {
  const prefixed = useMemo(() => prefixSchema(schema, prefix), [schema, prefix]);
  const state = useUrlState(prefixed);
  const values = useMemo(
    // The prefixed schema has exactly S's fields under new names: renaming them back gives ValuesOf<S>.
    () => renameKeys(state.values, (key) => key.slice(prefix.length)) as ValuesOf<S>,
    [state.values, prefix],
  );
  const { update: updatePrefixed } = state;
  const update = useCallback(
    (patch: Partial<ValuesOf<S>>) => updatePrefixed(renameKeys(patch, (key) => `${prefix}${key}`) as Partial<ValuesOf<Schema>>),
    [updatePrefixed, prefix],
  );
  return { ...state, values, update };
}
