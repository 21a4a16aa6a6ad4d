import { describe, expect, it } from 'vitest';
import { CpuBudget, pageBudget, restAfter, shareFor, turnOf } from './cpu-budget';

describe('shareFor()', () => {
  it('shareFor() gives each job a whole core while one is left for the page', () => {
    expect(shareFor(2, 1)).toBe(1);
    expect(shareFor(3, 2)).toBe(1);
    expect(shareFor(8, 7)).toBe(1);
  });

  it('shareFor() splits what the page does not keep: two runs on 2 cores get 0.45 each', () => {
    expect(shareFor(2, 2)).toBeCloseTo(0.45, 10);
    expect(shareFor(2, 3)).toBeCloseTo(0.3, 10);
    expect(shareFor(4, 6)).toBeCloseTo(2.9 / 6, 10);
  });

  it('shareFor() keeps the shares of all active jobs within cores - 1, each in (0, 1]', () => {
    const wrong: string[] = [];
    for (let cores = 2; cores <= 64; cores++) {
      for (let active = 1; active <= 100; active++) {
        const share = shareFor(cores, active);
        if (!(share > 0 && share <= 1 && share * active <= cores - 1 + 1e-12)) wrong.push(`${cores} cores, ${active} jobs: ${share}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shareFor() on a single core gives the jobs half of it together', () => {
    expect(shareFor(1, 1)).toBe(0.5);
    expect(shareFor(1, 4)).toBe(0.125);
  });
});

describe('restAfter()', () => {
  it('restAfter() keeps a worker busy the given share of the time, however long its step took', () => {
    for (const share of [0.2, 0.35, 0.5, 0.9]) {
      for (const worked of [1, 5.6, 50, 400]) expect(worked / (worked + restAfter(worked, share))).toBeCloseTo(share, 10);
    }
    expect(restAfter(50, 1)).toBe(0);
  });
});

describe('CpuBudget', () => {
  it('join() gives a lone job a whole core and tells the first its new share when a second joins', () => {
    const budget = new CpuBudget(2);
    const told: number[] = [];
    const first = budget.join(({ share }) => told.push(share));
    expect(first.share).toBe(1);
    const second = budget.join(() => {});
    expect(second.share).toBeCloseTo(0.45, 10);
    expect(first.share).toBeCloseTo(0.45, 10);
    expect(told).toEqual([second.share]);
    second.release();
    expect(told).toEqual([second.share, 1]);
    expect(budget.shares).toEqual([1]);
  });

  it('setActive(false) takes a waiting job out of the split until it computes again', () => {
    const budget = new CpuBudget(2);
    const told: string[] = [];
    const a = budget.join(({ share }) => told.push(`a ${share.toFixed(2)}`));
    const b = budget.join(({ share }) => told.push(`b ${share.toFixed(2)}`));
    b.setActive(false);
    expect(budget.active).toBe(1);
    expect(a.share).toBe(1);
    b.setActive(true);
    expect(budget.shares.map((s) => s.toFixed(2))).toEqual(['0.45', '0.45']);
    // b kept 0.45 while it waited: only a is told, twice.
    expect(told).toEqual(['a 0.45', 'a 1.00', 'a 0.45']);
  });

  it('jobs whose shares fit in one core take turns: two runs on 2 cores open theirs half a round apart', () => {
    const budget = new CpuBudget(2);
    const told: string[] = [];
    const a = budget.join(({ share, turn }) => told.push(`a ${share.toFixed(2)} ${turn}`));
    expect(a.turn).toBeNull();
    const b = budget.join(({ share, turn }) => told.push(`b ${share.toFixed(2)} ${turn}`));
    expect([a.turn, b.turn]).toEqual([0, 0.5]);
    const c = budget.join(() => {});
    expect(budget.turns).toEqual([0, 1 / 3, 2 / 3]);
    // a pauses: b and c split the turns between them; a is told nothing while it waits.
    a.setActive(false);
    expect([b.turn, c.turn]).toEqual([0, 0.5]);
    c.release();
    a.setActive(true);
    expect(told).toEqual(['a 0.45 0', 'a 0.30 0', 'b 0.30 0.3333333333333333', 'b 0.45 0', 'b 1.00 null', 'a 0.45 0', 'b 0.45 0.5']);
  });

  it('turnOf() gives no turns to a lone job, or where the shares add up to more than a core', () => {
    expect(turnOf(0, 1, 1)).toBeNull();
    expect(turnOf(1, 2, 0.5)).toBe(0.5);
    expect(turnOf(1, 2, 0.6)).toBeNull();
    expect(turnOf(2, 4, shareFor(4, 4))).toBeNull(); // 4 cores: 0.725 each
    expect(turnOf(2, 4, shareFor(1, 4))).toBe(0.5); // 1 core: 0.125 each
  });

  it('the shares of every job on the page never sum past cores - 1, however they come and go', () => {
    const budget = new CpuBudget(4);
    const leases = Array.from({ length: 9 }, () => budget.join(() => {}));
    const check = (): void => {
      const total = budget.shares.reduce((sum, share) => sum + share, 0);
      expect(total).toBeLessThanOrEqual(3 + 1e-12);
    };
    check();
    leases.forEach((lease, i) => {
      if (i % 3 === 0) lease.setActive(false);
      check();
    });
    leases.forEach((lease, i) => {
      if (i % 2 === 0) lease.release();
      check();
    });
    leases.forEach((lease) => lease.setActive(true));
    check();
  });

  it('release() twice and setActive() after release() change nothing', () => {
    const budget = new CpuBudget(2);
    const a = budget.join(() => {});
    const b = budget.join(() => {});
    b.release();
    b.release();
    b.setActive(true);
    expect(budget.active).toBe(1);
    expect(a.share).toBe(1);
  });

  it('CpuBudget refuses a machine without a core', () => {
    expect(() => new CpuBudget(0)).toThrow('CpuBudget: expected at least 1 core, got 0');
  });

  it('pageBudget() is one object for the whole page, sized by hardwareConcurrency', () => {
    expect(pageBudget()).toBe(pageBudget());
    expect(pageBudget().cores).toBe(navigator.hardwareConcurrency);
  });
});
