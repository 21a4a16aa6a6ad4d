import { describe, expect, it } from 'vitest';
import { completionsFor, withLibrary, type CompletionData, type CompletionEntry } from './completion-source';

const entry = (name: string, kind: CompletionEntry['kind'] = 'function'): CompletionEntry => ({ name, kind, detail: '', doc: '' });
const data: CompletionData = {
  globals: [entry('tensor'), entry('nn', 'namespace'), entry('display')],
  namespaces: { nn: [entry('Linear', 'class'), entry('init', 'namespace')], 'nn.init': [entry('xavierUniform')], console: [entry('log', 'method')] },
  tensor: [entry('matmul', 'method'), entry('shape', 'property')],
};
const names = (before: string, explicit = false): string[] | null => completionsFor(before, data, explicit)?.entries.map((e) => e.name) ?? null;

describe('completionsFor()', () => {
  it('offers the names in scope for a word, from its start', () => {
    expect(completionsFor('const y = te', data, false)).toEqual({ from: 10, entries: data.globals });
    expect(names('te')).toEqual(['tensor', 'nn', 'display']);
  });

  it("offers a namespace's members after its name and a dot, nested ones too", () => {
    expect(completionsFor('const l = new nn.Li', data, false)).toEqual({ from: 17, entries: data.namespaces.nn });
    expect(names('nn.init.')).toEqual(['xavierUniform']);
    expect(names('console.')).toEqual(['log']);
  });

  it("offers a Tensor's members after any other value and a dot", () => {
    expect(completionsFor('x.mat', data, false)).toEqual({ from: 2, entries: data.tensor });
    expect(names('layer.weight.')).toEqual(['matmul', 'shape']);
    expect(names('tensor([1, 2]).')).toEqual(['matmul', 'shape']);
    expect(names('xs[0].')).toEqual(['matmul', 'shape']);
    expect(names('z.grad!.')).toEqual(['matmul', 'shape']);
  });

  it("offers nothing after JavaScript's own namespaces, unknown namespace members, or a number's point", () => {
    expect(names('Math.')).toBeNull();
    expect(names('nn.Linear.')).toBeNull();
    expect(names('const a = 1.')).toBeNull();
    expect(names('const a = 1.5')).toBeNull();
  });

  it('offers every name when asked with nothing typed, and nothing unasked', () => {
    expect(names('const y = ')).toBeNull();
    expect(completionsFor('const y = ', data, true)).toEqual({ from: 10, entries: data.globals });
  });
});

describe('withLibrary()', () => {
  it("adds a lesson library's global to the names in scope and its exports after `global.`", () => {
    const library = { global: 'search', summary: "the lesson's methods", entries: [entry('runRace')], namespaces: { search: [entry('runRace')] } };
    const withSearch = withLibrary(data, library);
    expect(completionsFor('sea', withSearch, false)?.entries.find((e) => e.name === 'search')).toEqual({ name: 'search', kind: 'namespace', detail: 'namespace', doc: "The lesson's methods." });
    expect(completionsFor('search.ru', withSearch, false)?.entries.map((e) => e.name)).toEqual(['runRace']);
    // Without it, `search.` is taken for a Tensor, as any unknown value is.
    expect(completionsFor('search.', data, false)?.entries).toBe(data.tensor);
  });
});
