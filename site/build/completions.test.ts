import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as engine from '../../lib/engine';
import { installGlobals, UNAVAILABLE } from '../../lib/notebook/globals';
import { buildLibraryCompletions } from './cell-libraries.mjs';
import { buildCompletions, ENGINE_ENTRY } from './completions.mjs';

interface Entry {
  name: string;
  kind: string;
  detail: string;
  doc: string;
}
const { data } = buildCompletions() as { data: { globals: Entry[]; namespaces: Record<string, Entry[]>; tensor: Entry[] } };
const find = (list: Entry[] | undefined, name: string): Entry | undefined => list?.find((e) => e.name === name);
const names = (list: Entry[] | undefined): string[] => (list ?? []).map((e) => e.name);

describe('buildCompletions()', () => {
  it('offers tensor(), nn.Linear and Tensor.matmul with their signatures and the first sentence of their docs', () => {
    expect(find(data.globals, 'tensor')).toMatchObject({ kind: 'function', detail: expect.stringMatching(/^\(values: NestedArray \| Float32Array.*\) => Tensor$/), doc: expect.stringMatching(/^A tensor holding `values`/) });
    expect(find(data.namespaces.nn, 'Linear')).toEqual({ name: 'Linear', kind: 'class', detail: expect.stringMatching(/^new \(inFeatures: number, outFeatures: number, .*\) => Linear$/), doc: 'Fully connected layer.' });
    // The doc line, read from the source independently.
    const source = readFileSync(new URL('../../lib/engine/tensor.ts', import.meta.url), 'utf8');
    const matmulDoc = /\/\*\* (.+?) \*\/\n\s*matmul\(/.exec(source)?.[1];
    expect(matmulDoc).toBeTruthy();
    expect(find(data.tensor, 'matmul')).toEqual({ name: 'matmul', kind: 'method', detail: '(other: Tensor) => Tensor', doc: matmulDoc });
    expect(find(data.tensor, 'shape')).toMatchObject({ kind: 'property', detail: 'Shape' });
    expect(find(data.globals, 'nn')).toMatchObject({ kind: 'namespace', doc: expect.stringContaining('torch.nn') });
  });

  it('has every value lib/engine exports, with the members of nn, nn.init and optim', () => {
    expect(names(data.globals)).toEqual(expect.arrayContaining(Object.keys(engine)));
    expect(names(data.namespaces.nn)).toEqual(expect.arrayContaining(Object.keys(engine.nn)));
    expect(names(data.namespaces['nn.init'])).toEqual(expect.arrayContaining(Object.keys(engine.nn.init)));
    expect(names(data.namespaces.optim)).toEqual(expect.arrayContaining(Object.keys(engine.optim)));
  });

  it("has every type lib/engine/index.ts exports by name", () => {
    const index = readFileSync(ENGINE_ENTRY, 'utf8');
    const typeNames = [...index.matchAll(/\btype (\w+)/g), ...[...index.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => [n, n.trim()]))].map((m) => m[1]!.trim());
    expect(typeNames.length).toBeGreaterThan(10);
    expect(names(data.globals)).toEqual(expect.arrayContaining(typeNames));
  });

  it("has every name the kernel puts in a cell's scope, and every public member of a Tensor", () => {
    const scope: Record<string, unknown> = {};
    installGlobals(scope, () => null);
    const usable = Object.keys(scope).filter((k) => !(k in UNAVAILABLE));
    expect(usable).toEqual(expect.arrayContaining(['display', 'plot', 'print', 'console']));
    expect(names(data.globals)).toEqual(expect.arrayContaining(usable));
    expect(find(data.globals, 'plot')).toMatchObject({ kind: 'function', doc: expect.stringMatching(/^Draws a chart/) });
    expect(names(data.namespaces.console)).toEqual(expect.arrayContaining(Object.keys(scope.console as object)));
    const members = Object.getOwnPropertyNames(engine.Tensor.prototype).filter((n) => n !== 'constructor');
    expect(members.length).toBeGreaterThan(50);
    expect(names(data.tensor)).toEqual(expect.arrayContaining([...members, 'grad', 'requiresGrad', 'data']));
  });

  it('gives every entry a doc (a missing TSDoc line shows here)', () => {
    const all = [...data.globals, ...Object.values(data.namespaces).flat(), ...data.tensor];
    expect(all.filter((e) => !e.doc).map((e) => e.name)).toEqual([]);
  });
});

describe('buildLibraryCompletions()', () => {
  it("offers the hyperparameter-search library's exports as `search.`, with signatures and docs, and the same names it gives a cell", async () => {
    const { data } = buildLibraryCompletions('hyperparameter-search');
    expect(data.global).toBe('search');
    expect(data.namespaces.search).toBe(data.entries);
    const runRace = data.entries.find((e: { name: string }) => e.name === 'runRace');
    expect(runRace).toMatchObject({ kind: 'function', detail: expect.stringMatching(/^\(method: SearchMethod, objective: Objective, budget: number, seed: number/), doc: expect.stringMatching(/^Runs `method` on `objective`/) });
    expect(data.entries.find((e: { name: string }) => e.name === 'Trial')).toMatchObject({ kind: 'type' });
    const values = Object.keys(await import('../../lib/course/hyperparameter-search/cell-library')).sort();
    expect(data.entries.filter((e: { kind: string }) => e.kind !== 'type').map((e: { name: string }) => e.name)).toEqual(values);
    expect(data.entries.every((e: { doc: string }) => e.doc !== '')).toBe(true);
  });
});
