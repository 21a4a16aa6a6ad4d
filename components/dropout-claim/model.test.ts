import { describe, expect, it } from 'vitest';
import { parseState, writeState } from '../../lib/common';
import { claimTasks } from '../../lib/course/dropout';
import { claimSchema, gridOf } from './model';

const read = (query: string) => parseState(claimSchema, new URLSearchParams(query));

describe('gridOf() and the claim widget’s URL', () => {
  it('a link from before shifts could be tested keeps testing dropout, exactly as before', () => {
    const { values, notices } = read('claim-sizes=100,300&claim-seeds=2&claim-epochs=5&claim-p=0.3&claim-at=both');
    expect(notices).toEqual([]);
    const grid = gridOf(values);
    expect(grid.remedy).toBe('dropout');
    expect(claimTasks(grid).map((t) => `${t.arm} ${t.settings.p} ${t.settings.placement} ${t.settings.shift}`)).toEqual([
      'a 0 none 0',
      'b 0.3 both 0',
      'a 0 none 0',
      'b 0.3 both 0',
      'a 0 none 0',
      'b 0.3 both 0',
      'a 0 none 0',
      'b 0.3 both 0',
    ]);
  });

  it('claim-remedy and claim-shift set run B’s remedy, and are written back only when not the defaults', () => {
    const { values } = read('claim-sizes=100&claim-remedy=shifts&claim-shift=2');
    const [a, b] = claimTasks(gridOf(values));
    expect([a?.settings.shift, a?.settings.placement, b?.settings.shift, b?.settings.placement, b?.settings.p]).toEqual([0, 'none', 2, 'none', 0]);
    const params = new URLSearchParams();
    writeState(claimSchema, values, params);
    expect(params.get('claim-remedy')).toBe('shifts');
    expect(params.get('claim-shift')).toBe('2');
    writeState(claimSchema, { ...values, 'claim-remedy': 'dropout', 'claim-shift': 1 }, params);
    expect(params.has('claim-remedy')).toBe(false);
    expect(params.has('claim-shift')).toBe(false);
  });

  it('a bad remedy or shift falls back to the default with a notice', () => {
    const { values, notices } = read('claim-remedy=noise&claim-shift=3');
    expect(values['claim-remedy']).toBe('dropout');
    expect(values['claim-shift']).toBe(1);
    expect(notices.map((n) => n.message)).toEqual([
      'Ignored “claim-remedy=noise” from the link: expected one of dropout, shifts, both. Using dropout.',
      'Ignored “claim-shift=3” from the link: expected a whole number from 1 to 2. Using 1.',
    ]);
  });
});
