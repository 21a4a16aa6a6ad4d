// Storage reuse with a real garbage collector (Node's gc(), exposed by testing/gc.node.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { collectGarbage } from './testing/gc.node';
import { crossEntropy, nn, optim, Rng, randn, setStorageReuse, storageReuseStats, tensor, zeros } from './index';

afterEach(() => void setStorageReuse(false));

describe('storage reuse', () => {
  it('is off by default and reports nothing', () => {
    expect(storageReuseStats()).toBeNull();
  });

  it('reuses the memory of unreachable storage, zero-filled, and never of storage still reachable', async () => {
    expect(setStorageReuse(true)).toBe(false);
    const kept = randn([64, 64], new Rng(1));
    const keptCopy = Float32Array.from(kept.data);
    const keptView = kept.data; // the tensor's own array: reachable, so its memory is never reused
    for (let i = 0; i < 20; i++) {
      // 20 products of 4096 floats each, dropped at once
      randn([64, 64], new Rng(i + 2)).mul(2);
      await collectGarbage();
    }
    const stats = storageReuseStats();
    expect(stats?.reused).toBeGreaterThan(0);
    expect(Array.from(keptView)).toEqual(Array.from(keptCopy));
    expect(Array.from(kept.data)).toEqual(Array.from(keptCopy));
    // Reused memory comes back zero-filled, as new storage does (the products above left non-zero values in it).
    const before = storageReuseStats()!.reused;
    const z = zeros([64, 64]);
    expect(storageReuseStats()!.reused).toBe(before + 1);
    expect(z.data.every((v) => v === 0)).toBe(true);
  });

  it('watches at most 64 MB at once, so a long synchronous loop does not keep every buffer it made', async () => {
    setStorageReuse(true);
    // 200 arrays of 1 MB in one synchronous run: no finalization callback can run in between.
    for (let i = 0; i < 200; i++) zeros([512, 512]);
    const stats = storageReuseStats()!;
    expect(stats.watchedBytes).toBeLessThanOrEqual(64 * 2 ** 20);
    expect(stats.watchedBytes).toBeGreaterThan(60 * 2 ** 20);
    // Once the loop yields and the collector runs, the watched memory goes back to the pool and is reused.
    await collectGarbage();
    expect(storageReuseStats()!.watchedBytes).toBeLessThan(stats.watchedBytes);
    const reusedBefore = storageReuseStats()!.reused;
    zeros([512, 512]);
    expect(storageReuseStats()!.reused).toBe(reusedBefore + 1);
  });

  it('changes no gradient of a small network trained with Adam', async () => {
    const train = async (reuse: boolean): Promise<number[]> => {
      setStorageReuse(reuse);
      const model = new nn.Sequential(new nn.Linear(64, 64, { rng: new Rng(3) }), new nn.ReLU(), new nn.Linear(64, 10, { rng: new Rng(4) }));
      const opt = new optim.Adam(model.parameters(), { lr: 0.01 });
      const x = randn([32, 64], new Rng(5));
      const y = tensor(Array.from({ length: 32 }, (_, i) => i % 10));
      for (let step = 0; step < 10; step++) {
        opt.zeroGrad();
        crossEntropy(model.forward(x), y).backward();
        opt.step();
        await collectGarbage();
      }
      return model.parameters().flatMap((p) => [...Array.from(p.data), ...Array.from(p.grad?.data ?? [])]);
    };
    expect(await train(true)).toEqual(await train(false));
  });
});
