/** The commission's ranking (Bayesian optimisation, then random search, then grid search), judged on a verdict over seeds. */
import type { MethodId } from './method';
import type { VerdictRow } from './race';

/** Whether the ranking held, and a sentence saying why, with the medians it compared. */
export interface RankingVerdict {
  held: boolean;
  sentence: string;
}

const fixed = (v: number): string => v.toFixed(3);

/** Each method's name in a sentence. */
export const METHOD_NAMES: Readonly<Record<MethodId, string>> = { grid: 'grid search', random: 'random search', bayes: 'Bayesian optimisation', halving: 'successive halving' };

/**
 * Judges "Bayesian > random > grid" on the medians of `rows` (lower is better) over `seeds` seeds:
 * it holds when Bayesian optimisation's median is below random search's and random search's below
 * grid search's. The sentence also names the lowest median, which may be successive halving's.
 */
export function commissionRanking(rows: readonly VerdictRow[], seeds: number): RankingVerdict {
  const row = (id: MethodId): VerdictRow => {
    const found = rows.find((r) => r.method === id);
    if (!found) throw new RangeError(`commissionRanking: expected a row for ${id}, got rows for ${rows.map((r) => r.method).join(', ')}`);
    return found;
  };
  const [bayes, random, grid] = [row('bayes'), row('random'), row('grid')];
  const failures: string[] = [];
  if (!(bayes.median < random.median)) failures.push(`Bayesian optimisation's median, ${fixed(bayes.median)}, is not below random search's, ${fixed(random.median)}`);
  if (!(random.median < grid.median)) failures.push(`random search's median, ${fixed(random.median)}, is not below grid search's, ${fixed(grid.median)}`);
  const lowest = rows.reduce((a, b) => (b.median < a.median ? b : a));
  const over = `over ${seeds} seed${seeds === 1 ? '' : 's'}`;
  const head = failures.length === 0 ? `The commission's ranking held ${over}: medians ${fixed(bayes.median)} (Bayesian) < ${fixed(random.median)} (random) < ${fixed(grid.median)} (grid).` : `The commission's ranking failed ${over}: ${failures.join('; and ')}.`;
  return { held: failures.length === 0, sentence: `${head} Lowest median: ${METHOD_NAMES[lowest.method]}, ${fixed(lowest.median)}.` };
}
