import { describe, expect, it } from 'vitest';
import { parseState } from '../../lib/common';
import { dropoutForward, MAX_MASK_SEED } from '../../lib/course/dropout-forward';
import { forwardSchema, meanSentence, nextSeed, P_STOPS, passSentence, requestOf, scaleText } from './model';

describe('dropout-forward model', () => {
  it('P_STOPS runs from 0 to 1 in twenty steps of 0.05', () => {
    expect(P_STOPS.length).toBe(21);
    expect(P_STOPS[0]).toBe(0);
    expect(P_STOPS[10]).toBe(0.5);
    expect(P_STOPS[20]).toBe(1);
  });

  it('forwardSchema reads a link into an engine request, and names a bad value', () => {
    const { values, notices } = parseState(forwardSchema, new URLSearchParams('dp=0.25&dmode=eval&dpasses=100&dscaled=false&dseed=0'));
    expect(requestOf(values)).toEqual({ p: 0.25, training: false, seed: 1, passes: 100, scaled: false });
    expect(notices.map((n) => n.name)).toEqual(['dseed']);
  });

  it('nextSeed() counts up and wraps round to 1', () => {
    expect(nextSeed(1)).toBe(2);
    expect(nextSeed(MAX_MASK_SEED)).toBe(1);
  });

  it('passSentence() counts the dropped units and states the factor, or the identity in eval', () => {
    const req = { p: 0.5, training: true, seed: 1, passes: 1, scaled: true };
    const r = dropoutForward(req);
    const dropped = r.kept.filter((k) => !k).length;
    expect(passSentence(r, req)).toBe(`This pass dropped ${dropped} of 16 units (p = 0.50 expects 8 on average) and multiplied the other ${16 - dropped} by 1/(1 − 0.50) = 2.`);
    expect(scaleText(0.25)).toBe('1/(1 − 0.25) = 1.3333');
    const evalReq = { ...req, training: false };
    expect(passSentence(dropoutForward(evalReq), evalReq)).toContain('The output equals h exactly (16 of 16 units identical)');
  });

  it('meanSentence() gives the gap to (1 − p)·h as well without the scaling', () => {
    const req = { p: 0.5, training: true, seed: 1, passes: 1000, scaled: false };
    const text = meanSentence(dropoutForward(req), req);
    expect(text).toMatch(/^The mean of 1,000 passes: largest gap \|mean − h\| = 0\.4\d*, but largest gap \|mean − \(1 − p\)·h\| = 0\.0\d+\./);
    expect(text).toContain('2 times as large');
    const all = { ...req, p: 1 };
    expect(meanSentence(dropoutForward(all), all)).toBe('The mean of 1,000 passes: every output is 0, and so is the mean: largest gap |mean − h| = 0.93.');
  });
});
