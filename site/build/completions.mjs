// The code cells' completions, generated from the code: every export of lib/engine/index.ts (with
// the members of its namespaces, nn. and optim.), the Tensor class's methods and properties, and
// the kernel's own globals (the CellGlobals interface of lib/notebook/globals.ts), each with its
// signature and the first sentence of its TSDoc. Read with the TypeScript compiler's API, so a new
// export, or a changed signature or doc, shows in the editor without anyone typing it twice.
// Served to the page as `virtual:notebook-completions` (a Vite plugin, below).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ID = 'virtual:notebook-completions';
const RESOLVED = `\0${ID}`;
/** The engine's public surface. */
export const ENGINE_ENTRY = fileURLToPath(new URL('../../lib/engine/index.ts', import.meta.url));
/** Where the kernel's own globals are declared (interface CellGlobals). */
export const GLOBALS_ENTRY = fileURLToPath(new URL('../../lib/notebook/globals.ts', import.meta.url));

const OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.webworker.d.ts'],
  types: [],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};
const MAX_DETAIL = 160;

/** The first sentence of a symbol's TSDoc, on one line ('' if it has none). */
function firstSentence(symbol, checker) {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const paragraph = text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[A-Z(`'"]|$)/.exec(paragraph);
  return end ? paragraph.slice(0, end.index + 1) : paragraph;
}

/** The first sentence of the comment a module's file opens with (`/** torch.nn, camelCased: ... *\/`). */
function fileDoc(moduleSymbol) {
  const file = moduleSymbol.declarations?.find(ts.isSourceFile);
  const comment = file && /^\/\*\*([\s\S]*?)\*\//.exec(file.text);
  if (!comment) return '';
  const paragraph = comment[1].split(/\n\s*\*?\s*\n/)[0].replace(/^\s*\*\s?/gm, '').replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[A-Z(`'"]|$)/.exec(paragraph);
  return end ? paragraph.slice(0, end.index + 1) : paragraph;
}

const clipDetail = (s) => (s.length <= MAX_DETAIL ? s : `${s.slice(0, MAX_DETAIL - 1)}…`);

/** A signature as the reader would call it: `(a: Tensor, b: Operand) → Tensor`, and how many overloads it has. */
function callDetail(signatures, checker, kind = ts.SignatureKind.Call) {
  if (signatures.length === 0) return '';
  const first = checker.signatureToString(signatures[0], undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature, kind);
  return clipDetail(signatures.length > 1 ? `${first} (+${signatures.length - 1} overload${signatures.length > 2 ? 's' : ''})` : first);
}

/** A completion entry for `symbol` (an export or a member), named `name`. */
function describe(symbol, name, checker, location) {
  const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const flags = resolved.flags;
  const doc = firstSentence(resolved, checker) || firstSentence(symbol, checker);
  const declaration = resolved.valueDeclaration ?? resolved.declarations?.[0] ?? location;
  if (flags & ts.SymbolFlags.Class) {
    const type = checker.getTypeOfSymbolAtLocation(resolved, declaration);
    return { name, kind: 'class', detail: callDetail(type.getConstructSignatures(), checker, ts.SignatureKind.Construct), doc };
  }
  if (flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) return { name, kind: 'namespace', detail: 'namespace', doc };
  if (flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method)) {
    const type = checker.getTypeOfSymbolAtLocation(resolved, declaration);
    return { name, kind: flags & ts.SymbolFlags.Method ? 'method' : 'function', detail: callDetail(type.getCallSignatures(), checker), doc };
  }
  if (flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) return { name, kind: 'type', detail: 'type', doc };
  const type = checker.getTypeOfSymbolAtLocation(resolved, declaration);
  const calls = type.getCallSignatures();
  if (calls.length > 0 && !(flags & (ts.SymbolFlags.Property | ts.SymbolFlags.GetAccessor))) return { name, kind: 'function', detail: callDetail(calls, checker), doc };
  const kind = flags & (ts.SymbolFlags.Property | ts.SymbolFlags.GetAccessor) ? 'property' : 'variable';
  return { name, kind, detail: clipDetail(checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation)), doc };
}

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
// Members a reader never calls: ES private names, and constructor-only internals.
const isPublicName = (name) => !name.startsWith('_') && !name.startsWith('#') && name !== 'constructor' && name !== 'prototype';

/** The exports of a module symbol, and recursively the members of the namespaces it exports ("nn", "nn.init"). */
function collectModule(moduleSymbol, prefix, checker, location, out) {
  const entries = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    if (!isPublicName(symbol.name)) continue;
    const entry = describe(symbol, symbol.name, checker, location);
    entries.push(entry);
    if (entry.kind === 'namespace') {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      entry.doc ||= fileDoc(target);
      collectModule(target, prefix ? `${prefix}.${symbol.name}` : symbol.name, checker, location, out);
    }
  }
  if (prefix) out.namespaces[prefix] = entries.sort(byName);
  return entries;
}

/** The members of a class or interface type (instance side). */
function members(type, checker, location) {
  return checker
    .getPropertiesOfType(type)
    .filter((symbol) => isPublicName(symbol.name) && !symbol.name.startsWith('__#'))
    .map((symbol) => describe(symbol, symbol.name, checker, location))
    .sort(byName);
}

/**
 * Reads the engine and the kernel's globals: `{ globals, namespaces, tensor }`, where `globals` are
 * the names in a cell's scope, `namespaces` the members of `nn`, `optim`, `nn.init`..., and
 * `tensor` the members of a Tensor. Entries: `{ name, kind, detail, doc }`.
 */
export function buildCompletions(engineEntry = ENGINE_ENTRY, globalsEntry = GLOBALS_ENTRY) {
  const program = ts.createProgram([engineEntry, globalsEntry], OPTIONS);
  const checker = program.getTypeChecker();
  const engineFile = program.getSourceFile(engineEntry);
  const globalsFile = program.getSourceFile(globalsEntry);
  if (!engineFile || !globalsFile) throw new Error(`buildCompletions: expected to read ${engineEntry} and ${globalsEntry}`);
  const out = { globals: [], namespaces: {}, tensor: [] };
  const engine = collectModule(checker.getSymbolAtLocation(engineFile), '', checker, engineFile, out);

  const globalsModule = checker.getSymbolAtLocation(globalsFile);
  const cellGlobals = checker.getExportsOfModule(globalsModule).find((s) => s.name === 'CellGlobals');
  if (!cellGlobals) throw new Error(`buildCompletions: expected ${globalsEntry} to export interface CellGlobals`);
  // display, plot and print are methods of the interface, and plain functions in a cell.
  const kernel = members(checker.getDeclaredTypeOfSymbol(cellGlobals), checker, globalsFile).map((e) => (e.kind === 'method' ? { ...e, kind: 'function' } : e));
  const consoleEntry = kernel.find((e) => e.name === 'console');
  if (consoleEntry) {
    const consoleSymbol = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(cellGlobals), 'console');
    out.namespaces.console = members(checker.getTypeOfSymbolAtLocation(consoleSymbol, globalsFile), checker, globalsFile);
    consoleEntry.kind = 'namespace';
    consoleEntry.detail = 'namespace';
  }
  out.globals = [...engine, ...kernel].sort(byName);

  const tensor = checker.getExportsOfModule(checker.getSymbolAtLocation(engineFile)).find((s) => s.name === 'Tensor');
  if (!tensor) throw new Error('buildCompletions: expected lib/engine to export Tensor');
  out.tensor = members(checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(tensor)), checker, engineFile);
  return { data: out, inputs: program.getSourceFiles().map((f) => f.fileName).filter((f) => !f.includes('/node_modules/')) };
}

/**
 * The completions of a module's exports seen as the namespace `global` (a lesson library, `search.`):
 * `{ entries, namespaces, inputs }`, namespaces holding `global` and any namespace among its exports.
 */
export function buildModuleCompletions(entry, global) {
  const program = ts.createProgram([entry], OPTIONS);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  if (!file) throw new Error(`buildModuleCompletions: expected to read ${entry}`);
  const out = { namespaces: /** @type {Record<string, ReturnType<typeof describe>[]>} */ ({}) };
  const entries = collectModule(checker.getSymbolAtLocation(file), global, checker, file, out);
  return { entries, namespaces: out.namespaces, inputs: program.getSourceFiles().map((f) => f.fileName).filter((f) => !f.includes('/node_modules/')) };
}

/** The Vite plugin; add it to astro.config.mjs's `vite.plugins`. Builds once per change of its inputs. */
export function notebookCompletions() {
  let cached = null;
  const stamp = (files) => files.map((f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0).join(',');
  return {
    name: 'notebook-completions',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!cached || stamp(cached.inputs) !== cached.stamp) {
        const built = buildCompletions();
        cached = { ...built, stamp: stamp(built.inputs), code: `export default ${JSON.stringify(built.data)};` };
      }
      for (const file of cached.inputs) this.addWatchFile(file);
      return cached.code;
    },
  };
}
