/**
 * Reading nbformat outputs into our Output items (the mapping table is in ipynb.ts). Each output is
 * checked against nbformat 4's schema; text beyond the kernel's LIMITS is cut, and rich outputs we
 * do not show (images, HTML) become a notice: nothing imported is ever rendered as HTML or run.
 */
import type { JsonObject } from './document';
import { errorHeadline, OUTPUT_MIME } from './ipynb';
import { at, integerAt, listAt, multilineAt, objectAt, oneOf, onlyKeys, refuse, stringAt } from './json-check';
import { clip, LIMITS, type Output } from './outputs';
import { parseOutput } from './protocol';

/** What reading outputs noticed, for one warning each at the end of the import. */
export interface OutputNotes {
  /** MIME types of outputs left out (not shown here). */
  readonly leftOut: Set<string>;
  /** Paths of texts cut to the kernel's limits. */
  readonly cut: string[];
  /** Paths of our own outputs that were malformed (their text/plain is shown instead). */
  readonly malformed: string[];
}

/** Most characters a multiline string in an output may hold before the import refuses the file. */
const MAX_OUTPUT_CHARS = 20_000_000;
const JSON_MIME = /^application\/(.*\+)?json$/;
const TYPES = ['execute_result', 'display_data', 'stream', 'error'] as const;
// Characters of one traceback entry we keep, as the sandbox's protocol accepts.
const STACK_ENTRY_CHARS = 1000;
// Colour codes in Python tracebacks: "\x1b[0;31m".
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** A mimebundle: MIME type → text (a multiline string), or any JSON for JSON types. */
function mimebundleAt(v: unknown, path: string): Record<string, unknown> {
  const bundle = objectAt(v, path);
  for (const [mime, value] of Object.entries(bundle)) {
    if (!JSON_MIME.test(mime)) multilineAt(value, at(path, `'${mime}'`), MAX_OUTPUT_CHARS);
  }
  return bundle;
}

function cutText(text: string, max: number, path: string, notes: OutputNotes): string {
  if (text.length <= max) return text;
  notes.cut.push(path);
  return clip(text, max);
}

/** text/plain of a bundle, cut to `max`, or undefined. */
function plainText(bundle: Record<string, unknown>, path: string, max: number, notes: OutputNotes): string | undefined {
  const plain = bundle['text/plain'];
  return plain === undefined ? undefined : cutText(multilineAt(plain, at(path, "'text/plain'"), MAX_OUTPUT_CHARS), max, path, notes);
}

function leftOut(bundle: Record<string, unknown>, notes: OutputNotes): Output {
  const types = Object.keys(bundle).filter((m) => m !== OUTPUT_MIME);
  for (const t of types) notes.leftOut.add(t);
  const what = types.length === 0 ? 'An empty output' : `An output of type ${types.join(', ')}`;
  return { type: 'notice', text: `${what} is not shown here: notebooks here show text, tables and their own charts.` };
}

/** A traceback's first entry, if it is our headline: the error's line and column. */
function placeFromHeadline(first: string | undefined, name: string, message: string): { line?: number; column?: number } | undefined {
  if (first === undefined) return undefined;
  const m = /^ on line (\d+)(?:, column (\d+))?$/.exec(first.slice(name.length, first.length - message.length - 2));
  const place: { line?: number; column?: number } = m ? { line: Number(m[1]), ...(m[2] ? { column: Number(m[2]) } : {}) } : {};
  // Lines and columns count from 1; the headline must be exactly ours.
  if (place.line === 0 || place.column === 0) return undefined;
  return first === errorHeadline({ name, message, ...place }) ? place : undefined;
}

function readError(o: Record<string, unknown>, path: string, notes: OutputNotes): Output {
  const name = cutText(stringAt(o.ename, at(path, 'ename'), MAX_OUTPUT_CHARS), 200, at(path, 'ename'), notes);
  const message = cutText(stringAt(o.evalue, at(path, 'evalue'), MAX_OUTPUT_CHARS), LIMITS.textChars, at(path, 'evalue'), notes);
  const traceback = listAt(o.traceback, at(path, 'traceback'), 100_000).map((entry, i) => stringAt(entry, at(at(path, 'traceback'), i), MAX_OUTPUT_CHARS).replace(ANSI, ''));
  const place = placeFromHeadline(traceback[0], name, message);
  const frames = place ? traceback.slice(1) : traceback;
  if (frames.length > LIMITS.stackFrames || frames.some((f) => f.length > STACK_ENTRY_CHARS)) notes.cut.push(at(path, 'traceback'));
  const stack = frames.slice(0, LIMITS.stackFrames).map((f) => clip(f, STACK_ENTRY_CHARS - 40));
  return { type: 'error', name, message, ...place, stack };
}

/** One nbformat output at `path` as our Output. Throws JsonRefusal if it breaks nbformat's schema. */
export function readOutput(v: unknown, path: string, notes: OutputNotes): Output {
  const o = objectAt(v, path);
  const type = o.output_type;
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) refuse(at(path, 'output_type'), oneOf(TYPES), type);
  switch (type as (typeof TYPES)[number]) {
    case 'stream': {
      onlyKeys(o, path, ['output_type', 'name', 'text'], 'a stream output');
      const name = stringAt(o.name, at(path, 'name'), 100);
      const text = cutText(multilineAt(o.text, at(path, 'text'), MAX_OUTPUT_CHARS), LIMITS.streamChars, at(path, 'text'), notes);
      return { type: 'stream', name: name === 'stderr' ? 'stderr' : 'stdout', text };
    }
    case 'execute_result':
    case 'display_data': {
      const isResult = type === 'execute_result';
      onlyKeys(o, path, isResult ? ['output_type', 'execution_count', 'data', 'metadata'] : ['output_type', 'data', 'metadata'], `a${isResult ? 'n execute_result' : ' display_data'} output`);
      if (isResult && o.execution_count !== null) integerAt(o.execution_count, at(path, 'execution_count'), 0);
      objectAt(o.metadata, at(path, 'metadata'));
      const dataPath = at(path, 'data');
      const bundle = mimebundleAt(o.data, dataPath);
      if (!isResult && bundle[OUTPUT_MIME] !== undefined) {
        const own = parseOutput(bundle[OUTPUT_MIME]);
        if (own && (own.type === 'display' || own.type === 'notice')) return own;
        notes.malformed.push(at(dataPath, `'${OUTPUT_MIME}'`));
      }
      const text = plainText(bundle, dataPath, LIMITS.textChars, notes);
      if (text === undefined) return leftOut(bundle, notes);
      return isResult ? { type: 'value', text } : { type: 'display', item: { kind: 'text', text } };
    }
    case 'error':
      onlyKeys(o, path, ['output_type', 'ename', 'evalue', 'traceback'], 'an error output');
      return readError(o, path, notes);
  }
}

/** Checks attachments (file name → mimebundle) and returns them as they are. */
export function readAttachments(v: unknown, path: string): JsonObject {
  const attachments = objectAt(v, path);
  for (const [file, bundle] of Object.entries(attachments)) mimebundleAt(bundle, at(path, `'${file}'`));
  return attachments as JsonObject;
}

/** The warnings the notes make, one per kind. */
export function outputWarnings(notes: OutputNotes): string[] {
  const warnings: string[] = [];
  if (notes.leftOut.size > 0) warnings.push(`Outputs of type ${[...notes.leftOut].join(', ')} are not shown here (and not exported again); a note in their cells says so.`);
  if (notes.cut.length > 0) warnings.push(`${notes.cut.length} output text${notes.cut.length === 1 ? ' was' : 's were'} cut to this notebook's limits (first: ${notes.cut[0]}).`);
  if (notes.malformed.length > 0) warnings.push(`${notes.malformed.length} chart or table output${notes.malformed.length === 1 ? ' was' : 's were'} malformed; their text is shown instead (first: ${notes.malformed[0]}).`);
  return warnings;
}
