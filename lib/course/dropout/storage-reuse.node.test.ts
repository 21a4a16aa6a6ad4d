// The lesson's training with storage reuse on (as its workers run it) gives the same bits as without.
import { afterEach, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../engine/testing/gc.node';
import { setStorageReuse, storageReuseStats } from '../../engine';
import { loadDigits } from './load-digits.node';
import { DEFAULT_SETTINGS, DropoutRun } from './run';


afterEach(() => void setStorageReuse(false));

describe('storage reuse in the dropout lesson', () => {
  it('changes no number: an epoch trains to the same bits with reuse on and off', async () => {
    const digits = loadDigits();
    const epoch = async (reuse: boolean): Promise<number[]> => {
      setStorageReuse(reuse);
      const run = new DropoutRun({ ...DEFAULT_SETTINGS, epochs: 1 }, digits);
      while (!run.done) {
        run.step();
        await collectGarbage();
      }
      const weights = run.model.parameters().flatMap((p) => Array.from(p.data));
      const record = run.history.at(-1)!;
      return [record.trainLoss, record.validationLoss, ...weights];
    };
    const off = await epoch(false);
    const on = await epoch(true);
    expect(storageReuseStats()?.reused).toBeGreaterThan(100);
    expect(on).toEqual(off);
  });

});
