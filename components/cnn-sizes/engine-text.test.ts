import { describe, expect, it } from 'vitest';
import { calculateStack, defaultLayer, PRESETS, type EngineCheck, type EngineLayerCheck } from '../../lib/ml/layer-stack';
import { checkStackWithEngine } from '../../lib/ml/layer-stack/engine-check';
import { engineCell, engineSummary } from './engine-text';

const lenet = PRESETS.find((p) => p.id === 'lenet5')!;

describe('engineSummary()', () => {
  it('engineSummary() says every layer agreed when it did', async () => {
    const check = await checkStackWithEngine(lenet.input, lenet.layers);
    expect(engineSummary(check, calculateStack(lenet.input, lenet.layers))).toBe(
      'Engine check: a real forward pass through our engine (one image, in a worker) produced the same shapes and parameter counts as the table for all 12 layers.',
    );
  });

  it('engineSummary() lists the layers skipped for work, not built, failing with the table and not run', async () => {
    const layers = [
      defaultLayer('Conv2d', { in_channels: 1, out_channels: 4, kernel_size: [3, 3] }),
      defaultLayer('Flatten'),
      defaultLayer('Linear', { in_features: 4 * 30 * 30, out_features: 10 }),
      defaultLayer('Linear', { in_features: 99, out_features: 10 }),
      defaultLayer('ReLU'),
    ];
    const input = { ...lenet.input };
    const check = await checkStackWithEngine(input, layers, { workBudget: 20_000, maxLiveNumbers: 30_000 });
    expect(check.layers.map((l) => engineCell(l).text)).toEqual(['✓ params only', '✓ same', 'not built', '✓ fails too', '✓ same']);
    expect(engineSummary(check, calculateStack(input, layers))).toBe(
      'Engine check: a real forward pass through our engine (one image, in a worker) agreed with the table on the 2 layers it ran. It failed where the table reports an error (layer 4). To stay within a few seconds it skipped the forward pass of layer 1, but built it and counted the same parameters. It did not build layer 3: over 160 MB of numbers, more than a browser tab should hold for a check.',
    );
  });

  it('engineSummary() names the first mismatch with both shapes', () => {
    const result = calculateStack(lenet.input, lenet.layers);
    const layers: EngineLayerCheck[] = result.rows.map((row) => ({
      index: row.index,
      verdict: row.index === 3 ? 'different' : 'same',
      engineShape: row.index === 3 ? [1, 16, 11, 11] : row.output,
      engineParams: row.params,
      engineError: null,
      reason: null,
      ran: true,
    }));
    const check: EngineCheck = { layers, agrees: false, work: 0 };
    expect(engineSummary(check, result)).toBe('Engine check found a mismatch at layer 4: the table expects (1, 16, 10, 10) for one image, the engine produced (1, 16, 11, 11).');
    expect(engineCell(layers[3]!)).toEqual({ text: '✗ (1, 16, 11, 11)', tone: 'bad' });
  });
});
