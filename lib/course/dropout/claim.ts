/**
 * Testing the claim "dropout helps" over seeds and training sizes: the difference dropout makes
 * (run B with dropout minus run A without, same seed, same size) in the final validation loss and
 * accuracy and in the best (early-stopping) validation loss, summarised per training size over
 * seeds (median, range, and the seeds where dropout helped), and said in a sentence. Pure.
 */
import { quantile } from '../../common';
import type { ClaimArm, ClaimRun } from './claim.job';
import type { DropoutPlacement } from './network';
import { DEFAULT_SETTINGS, type DropoutSettings } from './run';

/** The three differences the experiment reports. */
export type ClaimMetric = 'finalLoss' | 'finalAccuracy' | 'bestLoss';

/** How each difference is read: its name, which sign means dropout helped, and how it is written. */
export const CLAIM_METRICS: Readonly<Record<ClaimMetric, { readonly label: string; readonly better: 'lower' | 'higher'; read(run: ClaimRun): number; format(difference: number): string }>> = {
  finalLoss: { label: 'final validation loss', better: 'lower', read: (r) => r.last.validationLoss, format: (d) => signed(d.toFixed(3)) },
  finalAccuracy: { label: 'final validation accuracy', better: 'higher', read: (r) => r.last.validationAccuracy, format: (d) => `${signed((100 * d).toFixed(1))} points` },
  bestLoss: { label: 'lowest validation loss (early stopping)', better: 'lower', read: (r) => r.best.validationLoss, format: (d) => signed(d.toFixed(3)) },
};

/** The metrics in the order the table shows them. */
export const CLAIM_METRIC_IDS: readonly ClaimMetric[] = ['finalLoss', 'finalAccuracy', 'bestLoss'];

/** A number's text with a sign: "+0.012", "−0.034", "0.000" (a minus sign, not a hyphen). */
function signed(text: string): string {
  if (Number(text) === 0) return text.replace('-', '');
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}

/** One seed's pair at one size: run B minus run A in each metric. */
export interface SeedDifference {
  readonly seed: number;
  readonly finalLoss: number;
  readonly finalAccuracy: number;
  readonly bestLoss: number;
}

/** One metric's differences over seeds: median, smallest, largest, and the seeds where dropout helped. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Seeds where run B was better (lower loss, higher accuracy); a tie is not help. */
  readonly helped: number;
  readonly seeds: number;
}

/** One training size's evidence: each seed's differences and each metric's spread. */
export interface SizeSummary {
  readonly trainSize: number;
  /** By seed, ascending. */
  readonly differences: readonly SeedDifference[];
  readonly finalLoss: Spread;
  readonly finalAccuracy: Spread;
  readonly bestLoss: Spread;
}

function spread(metric: ClaimMetric, differences: readonly SeedDifference[]): Spread {
  const values = differences.map((d) => d[metric]);
  const better = CLAIM_METRICS[metric].better;
  return {
    median: quantile(values, 0.5),
    min: Math.min(...values),
    max: Math.max(...values),
    helped: values.filter((v) => (better === 'lower' ? v < 0 : v > 0)).length,
    seeds: values.length,
  };
}

/**
 * Pairs each size's runs A and B by seed and summarises the sizes where at least one pair is
 * complete, smallest size first; a run whose partner has not finished is left out.
 */
export function summariseClaim(runs: readonly ClaimRun[]): SizeSummary[] {
  const key = (r: ClaimRun): string => `${r.trainSize} ${r.seed}`;
  const withDropout = new Map(runs.filter((r) => r.arm === 'b').map((r) => [key(r), r]));
  const bySize = new Map<number, SeedDifference[]>();
  for (const a of runs) {
    const b = a.arm === 'a' ? withDropout.get(key(a)) : undefined;
    if (b === undefined) continue;
    const difference = (metric: ClaimMetric): number => CLAIM_METRICS[metric].read(b) - CLAIM_METRICS[metric].read(a);
    const list = bySize.get(a.trainSize) ?? [];
    list.push({ seed: a.seed, finalLoss: difference('finalLoss'), finalAccuracy: difference('finalAccuracy'), bestLoss: difference('bestLoss') });
    bySize.set(a.trainSize, list);
  }
  return [...bySize.entries()]
    .sort(([x], [y]) => x - y)
    .map(([trainSize, list]) => {
      const differences = [...list].sort((x, y) => x.seed - y.seed);
      return { trainSize, differences, finalLoss: spread('finalLoss', differences), finalAccuracy: spread('finalAccuracy', differences), bestLoss: spread('bestLoss', differences) };
    });
}

/** True when dropout helped in more than half of the size's seeds, in `metric`. */
export function helpedMostly(summary: SizeSummary, metric: ClaimMetric): boolean {
  return 2 * summary[metric].helped > summary[metric].seeds;
}

/** "a", "a and b", "a, b and c". */
function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** One size's evidence in a metric, as the sentence gives it: "1,000 digits (median −0.071, 5 of 5 seeds)". */
function evidence(summary: SizeSummary, metric: ClaimMetric): string {
  const s = summary[metric];
  return `${summary.trainSize.toLocaleString('en')} digits (median ${CLAIM_METRICS[metric].format(s.median)}, ${s.helped} of ${s.seeds} seed${s.seeds === 1 ? '' : 's'})`;
}

/** One metric's clause: at which sizes dropout helped it in most seeds, and by how much. */
function clause(summaries: readonly SizeSummary[], metric: ClaimMetric): string {
  const { label, better } = CLAIM_METRICS[metric];
  const verb = better === 'lower' ? 'lowered' : 'raised';
  const helped = summaries.filter((s) => helpedMostly(s, metric));
  const not = summaries.filter((s) => !helpedMostly(s, metric));
  const list = (group: readonly SizeSummary[]): string => joinList(group.map((s) => evidence(s, metric)));
  if (helped.length === 0) return `Dropout ${verb} the ${label} in most seeds at no size: ${list(not)}.`;
  if (not.length === 0) return `Dropout ${verb} the ${label} in most seeds at every size: ${list(helped)}.`;
  return `Dropout ${verb} the ${label} in most seeds at ${list(helped)}, but not at ${list(not)}.`;
}

/** The computed verdict in parts: what the evidence is, then one sentence per metric (see describeClaim). */
export function claimVerdict(summaries: readonly SizeSummary[]): { readonly intro: string; readonly findings: readonly string[] } {
  if (summaries.length === 0) return { intro: 'No pair of runs has finished yet: the verdict appears when a size has both its runs for a seed.', findings: [] };
  const seeds = [...new Set(summaries.map((s) => s.finalLoss.seeds))];
  const counted = seeds.length === 1 ? `${seeds[0]} seed${seeds[0] === 1 ? '' : 's'} per size` : `${Math.min(...seeds)} to ${Math.max(...seeds)} seeds per size`;
  return { intro: `On this evidence (${counted}; a difference is run B with dropout minus run A without):`, findings: CLAIM_METRIC_IDS.map((m) => clause(summaries, m)) };
}

/**
 * The computed verdict as one text: for each metric, the sizes where dropout helped in more than
 * half of the seeds run and the median difference there, and the sizes where it did not.
 */
export function describeClaim(summaries: readonly SizeSummary[]): string {
  const { intro, findings } = claimVerdict(summaries);
  return [intro, ...findings].join(' ');
}

/** A seeds × sizes experiment: the runs' shared settings and the grid. */
export interface ClaimGrid {
  /** Training sizes, each trained with every seed. */
  readonly sizes: readonly number[];
  readonly seeds: readonly number[];
  /** Run B's dropout; run A has none. */
  readonly p: number;
  readonly placement: Exclude<DropoutPlacement, 'none'>;
  readonly epochs: number;
}

/** One run of the grid, as a task for a worker. */
export interface ClaimTask {
  readonly arm: ClaimArm;
  readonly settings: DropoutSettings;
}

/**
 * Every run of the grid, seed by seed and, within a seed, smallest size first, A before B: so each
 * size gets its first pair early, and the table fills in evenly. Everything but the size, the seed
 * and the dropout is the lesson's default run (DEFAULT_SETTINGS).
 */
export function claimTasks(grid: ClaimGrid): ClaimTask[] {
  const sizes = [...grid.sizes].sort((x, y) => x - y);
  return grid.seeds.flatMap((seed) =>
    sizes.flatMap((trainSize) =>
      (['a', 'b'] as const).map((arm) => ({
        arm,
        settings: { ...DEFAULT_SETTINGS, trainSize, seed, epochs: grid.epochs, p: arm === 'a' ? 0 : grid.p, placement: arm === 'a' ? 'none' : grid.placement },
      })),
    ),
  );
}

/** The lesson's evidence: the default run (30 epochs, p = 0.5 between the fully connected layers) at three sizes, five seeds each. */
export const LESSON_CLAIM_GRID: ClaimGrid = { sizes: [100, 300, 1000], seeds: [1, 2, 3, 4, 5], p: 0.5, placement: 'fc', epochs: 30 };

/** A metric's median and range as the lesson's table writes them: "−0.070 (−0.102 to −0.031)", accuracy in points without the word. */
export function spreadText(summary: SizeSummary, metric: ClaimMetric): string {
  const s = summary[metric];
  const format = (d: number): string => CLAIM_METRICS[metric].format(d).replace(' points', '');
  return s.seeds === 1 ? format(s.median) : `${format(s.median)} (${format(s.min)} to ${format(s.max)})`;
}

/** One size's row of the lesson's many-seed table (Markdown): size, then per metric its spread and the seeds helped. */
export function claimMarkdownRow(summary: SizeSummary): string {
  const cells = CLAIM_METRIC_IDS.flatMap((m) => [spreadText(summary, m), `${summary[m].helped} of ${summary[m].seeds}`]);
  return `| ${summary.trainSize.toLocaleString('en')} | ${cells.join(' | ')} |`;
}
