/**
 * The page's CPU budget: how much of a core each running job may keep busy, so that the jobs of
 * every widget on a page together leave the page a core to draw on.
 */

/**
 * Cores kept for the page when the jobs would otherwise take them all: its own thread and a
 * little for the browser's raster threads (two training runs on 2 cores at 0.45 each: no task over
 * 50 ms in `npm run bench:widgets`, where 0.5 each let a few through).
 */
export const PAGE_CORES = 1.1;

/** What the jobs together may use on a single core, where the page cannot keep one. */
const SINGLE_CORE_SPARE = 0.5;

/**
 * The share of a core each of `active` jobs may use on a machine with `cores` logical cores: 1
 * while there is a core for each and one to spare for the page; otherwise the cores the page does
 * not keep, split evenly. On 2 or more cores the shares sum to at most `cores - 1`.
 */
export function shareFor(cores: number, active: number): number {
  if (active <= cores - 1) return 1;
  const spare = cores >= 2 ? cores - PAGE_CORES : SINGLE_CORE_SPARE;
  return Math.min(1, spare / active);
}

/**
 * How long to rest after `workedMs` of computing so that the worker is busy `share` of the time,
 * however long its last step took.
 */
export function restAfter(workedMs: number, share: number): number {
  return share >= 1 ? 0 : (workedMs * (1 - share)) / share;
}

/**
 * Where the turn of the `index`-th of `active` jobs opens, as a fraction of each round of turns (`TURN_MS`; spread
 * evenly, so each turn ends with a gap before the next); null when there is nobody to take turns
 * with, or the shares add up to more than one core.
 */
export function turnOf(index: number, active: number, share: number): number | null {
  return active >= 2 && active * share <= 1 + 1e-9 ? index / active : null;
}

/** How a job is to pace itself: its share of a core, and where its turn opens (null: no turns). */
export interface Pace {
  readonly share: number;
  readonly turn: number | null;
}

/** One job's place in the budget. */
export interface BudgetLease {
  /** The share of a core the job may use now. */
  readonly share: number;
  /** Where its turn opens in each round of turns (see turns.ts); null while it takes no turns. */
  readonly turn: number | null;
  /** Whether the job computes (true) or waits (paused): only active jobs split the budget. */
  setActive(active: boolean): void;
  /** The job ended: its share goes back to the others. */
  release(): void;
}

interface Member {
  active: boolean;
  share: number;
  turn: number | null;
  readonly onPace: (pace: Pace) => void;
}

/**
 * Splits the cores the page does not keep among the jobs that compute. Every job that runs joins
 * (`WorkerPool` does it for its jobs), says when it waits, and leaves when it ends; whenever the
 * number of active jobs changes, each active job whose pace changed is told its new one (a
 * `WorkerPool` sends it to the worker as a control message, and the job paces itself with it).
 * When the active jobs' shares fit in one core, each also gets a turn, so they take turns on it.
 */
export class CpuBudget {
  private readonly members = new Set<Member>();

  /** Creates a budget for a machine with `cores` logical cores (at least 1). */
  constructor(readonly cores: number) {
    if (!Number.isFinite(cores) || cores < 1) throw new RangeError(`CpuBudget: expected at least 1 core, got ${cores}`);
  }

  /** How many jobs compute now. */
  get active(): number {
    let count = 0;
    for (const member of this.members) if (member.active) count++;
    return count;
  }

  /** The share each active job has now, in the order they joined. */
  get shares(): number[] {
    return [...this.members].filter((m) => m.active).map((m) => m.share);
  }

  /** The turn each active job has now, in the order they joined. */
  get turns(): (number | null)[] {
    return [...this.members].filter((m) => m.active).map((m) => m.turn);
  }

  /**
   * Adds a computing job; `onPace` is called when its pace changes later (not for the pace it
   * starts with, which the lease holds).
   */
  join(onPace: (pace: Pace) => void): BudgetLease {
    const member: Member = { active: true, share: 1, turn: null, onPace };
    this.members.add(member);
    this.rebalance(member);
    return {
      get share() {
        return member.share;
      },
      get turn() {
        return member.turn;
      },
      setActive: (active) => {
        if (member.active === active || !this.members.has(member)) return;
        member.active = active;
        this.rebalance(undefined);
      },
      release: () => {
        if (this.members.delete(member)) this.rebalance(undefined);
      },
    };
  }

  /** Gives every active member the pace for the jobs active now; tells all but `quiet`. */
  private rebalance(quiet: Member | undefined): void {
    const active = this.active;
    const share = shareFor(this.cores, active);
    let index = 0;
    for (const member of this.members) {
      if (!member.active) continue;
      const turn = turnOf(index++, active, share);
      if (member.share === share && member.turn === turn) continue;
      member.share = share;
      member.turn = turn;
      if (member !== quiet) member.onPace({ share, turn });
    }
  }
}

/** Logical cores as the browser (or Node) reports them; 2 where it does not say. */
export function hardwareConcurrency(): number {
  const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
  return typeof cores === 'number' && cores >= 1 ? cores : 2;
}

let page: CpuBudget | undefined;

/**
 * The page's one budget, shared by every job on the page (created on first use). Widgets do not
 * pass it around: every `WorkerPool` and `JobRunner` joins it unless given another.
 */
export function pageBudget(): CpuBudget {
  page ??= new CpuBudget(hardwareConcurrency());
  return page;
}
