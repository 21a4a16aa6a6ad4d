/**
 * A thrown value as a cell's error output: name, message, the line of the cell it came from, and
 * the stack cut down to the cells' own code, in the words of the notebook: `at relu (cell [2], line 3)`.
 */
import { inspect } from './inspect';
import type { ErrorOutput } from './outputs';
import { FUNCTION_SUFFIX } from './scope';
import type { CellSyntaxError } from './transpile';

/** The file name a run's code has in stack traces; `count` is the run's execution count. */
export function cellFilename(count: number): string {
  return `nb-cell-${count}.js`;
}

interface CellFrame {
  readonly fn: string | undefined;
  readonly count: number;
  readonly line: number;
}

// V8: "    at relu$nb (nb-cell-2.js:3:11)", "    at nb-cell-2.js:4:5", "    at async eval (nb-cell-2.js:1:9)"
const V8_FRAME = /^\s*at (?:async )?(?:(.+?) \()?nb-cell-(\d+)\.js:(\d+):(\d+)\)?$/;
// SpiderMonkey and JavaScriptCore: "relu$nb@nb-cell-2.js:3:11"
const OTHER_FRAME = /^(.*?)@nb-cell-(\d+)\.js:(\d+):(\d+)$/;

function parseFrames(stack: string): CellFrame[] {
  const frames: CellFrame[] = [];
  for (const text of stack.split('\n')) {
    const m = V8_FRAME.exec(text) ?? OTHER_FRAME.exec(text);
    if (!m) continue;
    const raw = m[1]?.trim();
    const fn = raw === undefined || raw === '' || raw === 'eval' || raw === 'anonymous' ? undefined : raw.replace(new RegExp(`\\${FUNCTION_SUFFIX}$`), '');
    frames.push({ fn, count: Number(m[2]), line: Number(m[3]) });
  }
  return frames;
}

/**
 * Describes `thrown` for the cell run as `count`. Only the line is given: columns of the running
 * code are shifted where types were removed and declarations rewritten, so they would mislead.
 */
export function describeThrown(thrown: unknown, count: number): ErrorOutput {
  const { name, message, stack } = errorParts(thrown);
  const frames = parseFrames(stack);
  const own = frames.find((f) => f.count === count);
  const lines = frames.map((f) => `at ${f.fn ? `${f.fn} (cell [${f.count}], line ${f.line})` : `cell [${f.count}], line ${f.line}`}`);
  return { type: 'error', name, message, ...(own ? { line: own.line } : {}), stack: lines };
}

/** A syntax error found before the cell ran. */
export function syntaxErrorOutput(error: CellSyntaxError): ErrorOutput {
  return { type: 'error', name: 'SyntaxError', message: error.message, line: error.line, column: error.column, stack: [] };
}

function errorParts(thrown: unknown): { name: string; message: string; stack: string } {
  if (typeof thrown === 'object' && thrown !== null) {
    const e = thrown as { name?: unknown; message?: unknown; stack?: unknown };
    if (typeof e.message === 'string') {
      return { name: typeof e.name === 'string' ? e.name : 'Error', message: e.message, stack: typeof e.stack === 'string' ? e.stack : '' };
    }
  }
  // `throw 42` or `throw { code: 1 }`: what was thrown is the message.
  return { name: 'Uncaught', message: inspect(thrown), stack: '' };
}
