/**
 * Testing the claim "dropout helps" (or random shifts, or both) over seeds and training sizes: the
 * difference run B's remedy makes (run B with it minus run A without, same seed, same size) in the
 * final validation loss and accuracy and in the best (early-stopping) validation loss, summarised
 * per training size over seeds (median, range, and the seeds where the remedy helped), and said in
 * a sentence. Pure.
 */
import { quantile } from '../../common';
import type { ClaimArm, ClaimRun } from './claim.job';
import type { DropoutPlacement } from './network';
import { DEFAULT_SETTINGS, type DropoutSettings } from './run';

/** Run B's remedy: dropout, random shifts of the training digits, or both together. */
export type ClaimRemedy = 'dropout' | 'shifts' | 'both';

/** The remedies in the order the widget offers them, with their names: as a choice, and as the subject of the verdict's sentences. */
export const CLAIM_REMEDIES: readonly { readonly value: ClaimRemedy; readonly label: string; readonly subject: string; readonly possessive: string }[] = [
  { value: 'dropout', label: 'Dropout', subject: 'Dropout', possessive: 'Dropout’s' },
  { value: 'shifts', label: 'Random shifts', subject: 'Shifts', possessive: 'The shifts’' },
  { value: 'both', label: 'Dropout and shifts', subject: 'Dropout with shifts', possessive: 'Dropout and shifts’' },
];

/** The remedy's names (see CLAIM_REMEDIES). */
export function remedyNames(remedy: ClaimRemedy): (typeof CLAIM_REMEDIES)[number] {
  const found = CLAIM_REMEDIES.find((r) => r.value === remedy);
  if (!found) throw new RangeError(`remedyNames: expected one of ${CLAIM_REMEDIES.map((r) => r.value).join(', ')}, got ${String(remedy)}`);
  return found;
}

/** What run B has that run A has not, in words: "dropout", "random shifts", "dropout and random shifts". */
export function remedyWords(remedy: ClaimRemedy): string {
  return remedy === 'dropout' ? 'dropout' : remedy === 'shifts' ? 'random shifts' : 'dropout and random shifts';
}

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

/** One metric's clause: at which sizes the remedy helped it in most seeds, and by how much. */
function clause(summaries: readonly SizeSummary[], metric: ClaimMetric, subject: string): string {
  const { label, better } = CLAIM_METRICS[metric];
  const verb = better === 'lower' ? 'lowered' : 'raised';
  const helped = summaries.filter((s) => helpedMostly(s, metric));
  const not = summaries.filter((s) => !helpedMostly(s, metric));
  const list = (group: readonly SizeSummary[]): string => joinList(group.map((s) => evidence(s, metric)));
  if (helped.length === 0) return `${subject} ${verb} the ${label} in most seeds at no size: ${list(not)}.`;
  if (not.length === 0) return `${subject} ${verb} the ${label} in most seeds at every size: ${list(helped)}.`;
  return `${subject} ${verb} the ${label} in most seeds at ${list(helped)}, but not at ${list(not)}.`;
}

/** The computed verdict in parts: what the evidence is, then one sentence per metric (see describeClaim); `remedy` is run B's (dropout unless said). */
export function claimVerdict(summaries: readonly SizeSummary[], remedy: ClaimRemedy = 'dropout'): { readonly intro: string; readonly findings: readonly string[] } {
  if (summaries.length === 0) return { intro: 'No pair of runs has finished yet: the verdict appears when a size has both its runs for a seed.', findings: [] };
  const seeds = [...new Set(summaries.map((s) => s.finalLoss.seeds))];
  const counted = seeds.length === 1 ? `${seeds[0]} seed${seeds[0] === 1 ? '' : 's'} per size` : `${Math.min(...seeds)} to ${Math.max(...seeds)} seeds per size`;
  const words = remedyWords(remedy);
  return { intro: `On this evidence (${counted}; a difference is run B with ${words} minus run A without):`, findings: CLAIM_METRIC_IDS.map((m) => clause(summaries, m, remedyNames(remedy).subject)) };
}

/**
 * The computed verdict as one text: for each metric, the sizes where run B's remedy helped in more than
 * half of the seeds run and the median difference there, and the sizes where it did not.
 */
export function describeClaim(summaries: readonly SizeSummary[], remedy: ClaimRemedy = 'dropout'): string {
  const { intro, findings } = claimVerdict(summaries, remedy);
  return [intro, ...findings].join(' ');
}

/** A seeds × sizes experiment: the runs' shared settings and the grid. */
export interface ClaimGrid {
  /** Training sizes, each trained with every seed. */
  readonly sizes: readonly number[];
  readonly seeds: readonly number[];
  /** Run B's remedy (dropout when left out, as before shifts could be tested); run A has none. */
  readonly remedy?: ClaimRemedy;
  /** Run B's dropout, when its remedy has dropout. */
  readonly p: number;
  readonly placement: Exclude<DropoutPlacement, 'none'>;
  /** Run B's largest shift in pixels, when its remedy has shifts (1 when left out). */
  readonly shift?: number;
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
 * and run B's remedy is the lesson's default run (DEFAULT_SETTINGS). Run A has no remedy whatever
 * run B's is, so grids that differ only in the remedy share their runs A.
 */
export function claimTasks(grid: ClaimGrid): ClaimTask[] {
  const sizes = [...grid.sizes].sort((x, y) => x - y);
  const remedy = grid.remedy ?? 'dropout';
  const dropout = remedy !== 'shifts';
  const shift = remedy === 'dropout' ? 0 : (grid.shift ?? 1);
  return grid.seeds.flatMap((seed) =>
    sizes.flatMap((trainSize) =>
      (['a', 'b'] as const).map((arm) => {
        const b = arm === 'b';
        return {
          arm,
          settings: { ...DEFAULT_SETTINGS, trainSize, seed, epochs: grid.epochs, p: b && dropout ? grid.p : 0, placement: b && dropout ? grid.placement : 'none', shift: b ? shift : 0 },
        };
      }),
    ),
  );
}

/** The grid's name for messages and the generated data: "dropout p = 0.5 (fc)", "shifts up to 1 pixel", or both joined by "and". */
export function claimRemedyText(grid: ClaimGrid): string {
  const remedy = grid.remedy ?? 'dropout';
  const shift = grid.shift ?? 1;
  const dropout = `dropout p = ${grid.p} (${grid.placement})`;
  const shifts = `shifts up to ${shift} pixel${shift === 1 ? '' : 's'}`;
  return remedy === 'dropout' ? dropout : remedy === 'shifts' ? shifts : `${dropout} and ${shifts}`;
}

/** The lesson's evidence: the default run (30 epochs, p = 0.5 between the fully connected layers) at three sizes, five seeds each. */
export const LESSON_CLAIM_GRID: ClaimGrid = { sizes: [100, 300, 1000], seeds: [1, 2, 3, 4, 5], p: 0.5, placement: 'fc', epochs: 30 };

/** The same grid with run B's remedy random shifts of up to one pixel (the lesson's shifted digits), without dropout. */
export const LESSON_SHIFT_GRID: ClaimGrid = { ...LESSON_CLAIM_GRID, remedy: 'shifts', shift: 1 };

/** The same grid with run B's remedies dropout (p = 0.5, fc) and shifts of up to one pixel together. */
export const LESSON_BOTH_GRID: ClaimGrid = { ...LESSON_CLAIM_GRID, remedy: 'both', shift: 1 };

/** The shifted-digits section's longer runs over seeds: 100 digits, 60 epochs, shifts of up to one pixel. */
export const LESSON_SHIFT_LONG_GRID: ClaimGrid = { ...LESSON_SHIFT_GRID, sizes: [100], epochs: 60 };

/** A metric's median and range as the lesson's table writes them: "−0.070 (−0.102 to −0.031)", accuracy in points without the word. */
export function spreadText(summary: SizeSummary, metric: ClaimMetric): string {
  const s = summary[metric];
  const format = (d: number): string => CLAIM_METRICS[metric].format(d).replace(' points', '');
  return s.seeds === 1 ? format(s.median) : `${format(s.median)} (${format(s.min)} to ${format(s.max)})`;
}

/** One size's row of the lesson's many-seed table (Markdown): the `lead` cells if any (a remedy, epochs), the size, then per metric its spread and the seeds helped. */
export function claimMarkdownRow(summary: SizeSummary, lead: readonly string[] = []): string {
  const cells = CLAIM_METRIC_IDS.flatMap((m) => [spreadText(summary, m), `${summary[m].helped} of ${summary[m].seeds}`]);
  return `| ${[...lead, summary.trainSize.toLocaleString('en'), ...cells].join(' | ')} |`;
}

/** The lead cells of a row of the lesson's shifts table: run B's remedy and the epochs ("shifts", "30"). */
export function claimTableLead(grid: ClaimGrid): string[] {
  return [remedyWords(grid.remedy ?? 'dropout').replace('random ', ''), String(grid.epochs)];
}
