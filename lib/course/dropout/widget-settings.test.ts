import { describe, expect, it } from 'vitest';
import { defaultsOf, parseState } from '../../common';
import { DROPOUT_PRESETS, dropoutSchema, remediesOf, runSettings, type DropoutWidgetSettings } from './widget-settings';

const defaults = defaultsOf(dropoutSchema) as DropoutWidgetSettings;

describe('runSettings()', () => {
  it('gives run B the shifts and the dropout, and run A neither', () => {
    const s: DropoutWidgetSettings = { ...defaults, p: 0.25, at: 'pools', shift: 2 };
    expect(runSettings(s, 'b')).toMatchObject({ p: 0.25, placement: 'pools', shift: 2 });
    expect(runSettings(s, 'a')).toMatchObject({ p: 0, placement: 'none', shift: 0 });
  });

  it('with the placement "No dropout", run B has p = 0 and only its shifts; without shifts it is run A', () => {
    const s: DropoutWidgetSettings = { ...defaults, at: 'none', shift: 1 };
    expect(runSettings(s, 'b')).toMatchObject({ p: 0, placement: 'none', shift: 1 });
    expect(runSettings({ ...s, shift: 0 }, 'b')).toEqual(runSettings(s, 'a'));
  });
});

describe('remediesOf()', () => {
  it('names run B by what it has', () => {
    expect(remediesOf(defaults)).toBe('dropout p = 0.5, between the fully connected layers');
    expect(remediesOf({ p: 0.5, at: 'fc', shift: 1 })).toBe('dropout p = 0.5, between the fully connected layers; shifts up to 1 pixel');
    expect(remediesOf({ p: 0.5, at: 'none', shift: 2 })).toBe('shifts up to 2 pixels, no dropout');
    expect(remediesOf({ p: 0.5, at: 'none', shift: 0 })).toBe('no remedy, as run A');
  });
});

describe('the URL field shift', () => {
  it('defaults to 0, reads 0, 1 and 2, and gives a malformed value the default with a notice', () => {
    expect(defaults.shift).toBe(0);
    for (const v of [0, 1, 2]) expect(parseState(dropoutSchema, new URLSearchParams(`shift=${v}`)).values.shift).toBe(v);
    for (const bad of ['3', '1.5', '-1', 'two']) {
      const parsed = parseState(dropoutSchema, new URLSearchParams(`shift=${bad}`));
      expect(parsed.values.shift, bad).toBe(0);
      expect(parsed.notices).toHaveLength(1);
    }
    expect(parseState(dropoutSchema, new URLSearchParams('at=none')).values.at).toBe('none');
  });

  it('every preset sets it, so a preset never keeps the shifts of the settings before it', () => {
    for (const preset of DROPOUT_PRESETS) expect(preset.settings.shift, preset.label).toBeTypeOf('number');
  });
});
