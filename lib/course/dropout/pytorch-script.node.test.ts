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

  it('with random shifts, pads and crops each training image at a random offset (PyTorch\'s draws), and only then; a replay embeds the engine\'s shifts', () => {
    const shifted = script({ shift: 2 });
    expect(shifted).toContain('MAX_SHIFT = 2');
    expect(shifted).toContain('padded = F.pad(x, (MAX_SHIFT, MAX_SHIFT, MAX_SHIFT, MAX_SHIFT))');
    expect(shifted).toContain('x = shift_batch(x_train[rows], torch.randint(-MAX_SHIFT, MAX_SHIFT + 1, (len(rows), 2)))');
    expect(shifted).toContain('its training images shifted at random by up to 2 pixels');
    expect(shifted).toContain('F.cross_entropy(model(x), y_train[rows]).backward()');
    for (const plain of [script(), script({ shift: 0 })]) {
      expect(plain).not.toContain('shift');
      expect(plain).toContain('            x = x_train[rows]\n');
    }
    const settings = { ...DEFAULT_SETTINGS, trainSize: 100, epochs: 2, shift: 1 };
    const orders = [0, 1].map(() => Array.from({ length: 100 }, (_, i) => i));
    const shifts = [0, 1].map((e) => Int8Array.from({ length: 200 }, (_, i) => ((i + e) % 3) - 1));
    const replay = dropoutScript(settings, digits, { ...OPTIONS, replay: { parameters: [], orders, shifts } });
    expect(replay).toContain(`SHIFTS = '${base64OfArray(Int8Array.from([...shifts[0]!, ...shifts[1]!]))}'`);
    expect(replay).toContain('x = shift_batch(x_train[rows], shifts[epoch - 1, i:i + BATCH_SIZE])');
    expect(() => dropoutScript(settings, digits, { ...OPTIONS, replay: { parameters: [], orders } })).toThrow('dropoutScript: expected the replay to hold 2 epochs of shifts, 2 × 100 values each, for a run with shifts');
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
    expect(() => script({ shift: 3 })).toThrow('shift: expected a whole number of pixels from 0 to 2, got 3');
    expect(() => script({ placement: 'everywhere' as DropoutSettings['placement'] })).toThrow('placement: expected one of none, fc, pools, both, got "everywhere"');
  });
});
