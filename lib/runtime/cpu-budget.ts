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

/** One job's place in the budget. */
export interface BudgetLease {
  /** The share of a core the job may use now. */
  readonly share: number;
  /** Whether the job computes (true) or waits (paused): only active jobs split the budget. */
  setActive(active: boolean): void;
  /** The job ended: its share goes back to the others. */
  release(): void;
}

interface Member {
  active: boolean;
  share: number;
  readonly onShare: (share: number) => void;
}

/**
 * Splits the cores the page does not keep among the jobs that compute. Every job that runs joins
 * (`WorkerPool` does it for its jobs), says when it waits, and leaves when it ends; whenever the
 * number of active jobs changes, each active job whose share changed is told its new one (a
 * `WorkerPool` sends it to the worker as a control message, and the job paces itself with it).
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

  /**
   * Adds a computing job; `onShare` is called when its share changes later (not for the share it
   * starts with, which the lease holds).
   */
  join(onShare: (share: number) => void): BudgetLease {
    const member: Member = { active: true, share: 1, onShare };
    this.members.add(member);
    this.rebalance(member);
    return {
      get share() {
        return member.share;
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

  /** Gives every active member the share for the number active now; tells all but `quiet`. */
  private rebalance(quiet: Member | undefined): void {
    const share = shareFor(this.cores, this.active);
    for (const member of this.members) {
      if (!member.active || member.share === share) continue;
      member.share = share;
      if (member !== quiet) member.onShare(share);
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
