import { describe, expect, it } from 'vitest';
import { base64OfArray } from '../../common';
import { splitDigitRows } from './digits';
import { loadDigits } from './load-digits.node';
import { dropoutScript } from './pytorch-script';
import { DEFAULT_SETTINGS, type DropoutSettings } from './run';

const digits = loadDigits();
const OPTIONS = { title: 'Dropout, run B', dataUrl: 'https://neural-notebook.example/data/mnist-digits-14.bin' };
const script = (changes: Partial<DropoutSettings> = {}): string => dropoutScript({ ...DEFAULT_SETTINGS, ...changes }, digits, OPTIONS);

describe('dropoutScript()', () => {
  it('writes the whole script: header, the file and where to download it, epochs, batch size, seed, and main()', () => {
    const s = script();
    expect(s.startsWith('"""\nNeural Notebook: Dropout, run B, as a PyTorch script')).toBe(true);
    expect(s).toContain("DATA_URL = 'https://neural-notebook.example/data/mnist-digits-14.bin'");
    expect(s).toContain('urllib.request.urlretrieve(DATA_URL, DATA_FILE)');
    expect(s).toContain('EPOCHS = 30');
    expect(s).toContain('BATCH_SIZE = 32');
    expect(s).toContain('torch.manual_seed(1)');
    expect(s).toContain("not digit for digit");
    expect(s.trimEnd().endsWith("if __name__ == '__main__':\n    main()")).toBe(true);
  });

  it('builds the lesson\'s CNN with dropout where the placement says', () => {
    const fc = script();
    expect(fc).toContain('    nn.Conv2d(1, 8, 3, padding=1),\n    nn.ReLU(),\n    nn.MaxPool2d(2),\n    nn.Conv2d(8, 16, 3, padding=1),');
    expect(fc).toContain('    nn.Linear(144, 64),\n    nn.ReLU(),\n    nn.Dropout(),\n    nn.Linear(64, 10),');
    expect((script({ placement: 'pools', p: 0.25 }).match(/nn\.Dropout\(p=0\.25\)/g) ?? []).length).toBe(2);
    expect((script({ placement: 'both', p: 0.25 }).match(/nn\.Dropout\(p=0\.25\)/g) ?? []).length).toBe(3);
    expect(script({ p: 0 })).not.toContain('nn.Dropout');
    expect(script({ placement: 'none' })).not.toContain('nn.Dropout');
  });

  it('writes Adam with the learning rate and weight decay', () => {
    expect(script()).toContain('torch.optim.Adam(model.parameters(), lr=0.003)\n');
    expect(script({ weightDecay: 0.001, learningRate: 0.01 })).toContain('torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.001)');
  });

  it('embeds the widget\'s split as row numbers of the file', () => {
    const rows = splitDigitRows(digits, 500, 1);
    const s = script();
    expect(s).toContain(`TRAIN_ROWS = '${base64OfArray(Int32Array.from(rows.train))}'`);
    expect(s).toContain(`VALIDATION_ROWS = '${base64OfArray(Int32Array.from(rows.validation))}'`);
    expect(script({ seed: 2 })).not.toContain(base64OfArray(Int32Array.from(rows.train)));
  });

  it('refuses bad settings, saying what it expected and what it got', () => {
    expect(() => script({ learningRate: 0 })).toThrow('learning rate: expected a number in (0, 1], got 0');
    expect(() => script({ epochs: 0 })).toThrow('epochs: expected a whole number from 1 to 500, got 0');
    expect(() => script({ p: 1 })).toThrow('dropout probability: expected a number in [0, 1), got 1');
    expect(() => script({ trainSize: 10 ** 6 })).toThrow('splitDigits: expected a training-set size from 1 to');
    expect(() => script({ placement: 'everywhere' as DropoutSettings['placement'] })).toThrow('placement: expected one of none, fc, pools, both, got "everywhere"');
  });
});
