import { describe, expect, it } from 'vitest';
import { createKernel } from './kernel';
import type { Output } from './outputs';
import { nodeRealm } from './realm.node';
import { starterNotebook } from './starter-notebook';

describe('the starter notebook', () => {
  it('runs every code cell without an error, and its gradient equals σ(z)(1 − σ(z)) as its comment says', async () => {
    const kernel = createKernel(nodeRealm());
    const outputs: Output[][] = [];
    let count = 0;
    for (const c of starterNotebook().cells) {
      if (c.type !== 'code') continue;
      const mine: Output[] = [];
      expect(await kernel.run(c.source, ++count, (o) => mine.push(o))).toBe('ok');
      outputs.push(mine);
    }
    const [gradient, plot] = outputs;
    const printed = gradient!.find((o) => o.type === 'stream')!;
    const value = gradient!.find((o) => o.type === 'value')!;
    // σ(±2)(1 − σ(±2)) = 0.104994, σ(0)(1 − σ(0)) = 0.25, printed with PyTorch's 4 decimals.
    expect(printed.type === 'stream' && printed.text.trim()).toBe('tensor([0.1050, 0.2500, 0.1050])');
    expect(value.type === 'value' && value.text).toMatch(/^tensor\(\[0\.1050, 0\.2500, 0\.1050\], grad_fn=<MulBackward0>\)$/);
    expect(plot!.some((o) => o.type === 'display')).toBe(true);
  });
});
