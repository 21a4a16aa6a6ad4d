import { describe, expect, it } from 'vitest';
import { makeHandIn, readHandIn, writeHandIn, type HandIn } from './hand-in';

const HASH = 'a'.repeat(64);
const handIn = (): HandIn =>
  makeHandIn({
    course: { id: 'ml-2026', title: 'Deep learning', hash: 'h' },
    student: { name: 'Ada Lovelace', id: 's1' },
    appVersion: '0.1.0',
    now: new Date('2026-12-01T10:00:00Z'),
    answers: {
      'pooling/size': { answer: { kind: 'shape', text: '(5, 3, 40)' }, attempts: 2, contentHash: HASH, updatedAt: '2026-12-01T09:00:00.000Z', pageResult: { correct: true, score: 1, feedback: 'ok' } },
      'vanishing-gradients/tanh-init': { answer: { kind: 'experiment', state: { a: 'tanh', ainit: 'xavier' } }, attempts: 1, contentHash: HASH, updatedAt: '2026-12-01T09:30:00.000Z' },
    },
  });
const read = (text: string) => readHandIn(text, { courseId: 'ml-2026' });
const message = (text: string): string => {
  const result = read(text);
  return result.ok ? 'accepted' : result.message;
};
const edited = (change: (data: Record<string, unknown>) => void): string => {
  const data = JSON.parse(writeHandIn(handIn())) as Record<string, unknown>;
  change(data);
  return JSON.stringify(data);
};

describe('hand-in files', () => {
  it('makeHandIn() → writeHandIn() → readHandIn() gives the hand-in back', () => {
    const written = handIn();
    expect(written.answers['pooling/size']?.kind).toBe('shape');
    expect(written.createdAt).toBe('2026-12-01T10:00:00.000Z');
    expect(read(writeHandIn(written))).toEqual({ ok: true, handIn: written });
  });

  it('refuses corrupt JSON, another format, a newer version and another course, saying what it expected', () => {
    expect(message('{"format": "neural-notebook/hand-in",')).toMatch(/^Expected a hand-in file \(JSON\); got text that is not JSON: /);
    expect(message('[1, 2]')).toBe('Expected a hand-in file (a JSON object); got an array.');
    expect(message(edited((d) => (d['format'] = 'jupyter')))).toBe('Expected format "neural-notebook/hand-in"; got "jupyter" at format: this is not a Neural Notebook hand-in.');
    expect(message(edited((d) => (d['version'] = 2)))).toContain('Expected a hand-in of version 1 or older; got version 2');
    expect(message(edited((d) => (d['course'] = { id: 'other', title: '', hash: '' })))).toBe('Expected a hand-in for course "ml-2026"; got one for course "other" at course.id.');
  });

  it('names the path of a damaged field and what was found there', () => {
    const damaged = edited((d) => {
      ((d['answers'] as Record<string, Record<string, unknown>>)['pooling/size'] as Record<string, unknown>)['attempts'] = 'two';
    });
    expect(message(damaged)).toMatch(/^The hand-in is damaged at answers\["pooling\/size"\]\.attempts: .*number.*; found "two"\.$/);
    const mismatched = edited((d) => {
      ((d['answers'] as Record<string, Record<string, unknown>>)['pooling/size'] as Record<string, unknown>)['kind'] = 'numeric';
    });
    expect(message(mismatched)).toContain('answers["pooling/size"].kind: expected kind to match answer.kind');
    expect(message(edited((d) => (d['version'] = 0)))).toContain('damaged at version');
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(readHandIn(' '.repeat(2_000_001), { courseId: 'ml-2026', maxBytes: 2_000_000 })).toEqual({ ok: false, message: 'Expected a hand-in file of at most 2,000,000 bytes; got 2,000,001.' });
    expect(readHandIn(`"${'x'.repeat(6_000_000)}"`, { courseId: 'ml-2026' })).toMatchObject({ ok: false, message: expect.stringContaining('got 6,000,002.') });
  });
});

describe('hand-in answers', () => {
  it('keep a widget state with lists, and refuse one with nested objects', () => {
    const withState = (state: unknown) =>
      edited((d) => {
        ((d['answers'] as Record<string, Record<string, unknown>>)['vanishing-gradients/tanh-init'] as Record<string, unknown>)['answer'] = { kind: 'experiment', state };
      });
    expect(read(withState({ layers: [8, 16], a: 'tanh' })).ok).toBe(true);
    expect(message(withState({ nested: { deep: 1 } }))).toMatch(/^The hand-in is damaged at answers\["vanishing-gradients\/tanh-init"\]\.answer\.state\.nested: /);
  });
});
