import { describe, expect, it } from 'vitest';
import { LIMITS, type Output } from './outputs';
import { OutputSink } from './sink';

function setup() {
  const outputs: Output[] = [];
  let now = 0;
  const sink = new OutputSink((o) => outputs.push(o), () => now);
  return { outputs, sink, advance: (ms: number) => (now += ms) };
}

describe('OutputSink', () => {
  it('sends the first prints at once (a line printed before a hang shows), then merges a flood', () => {
    const { outputs, sink, advance } = setup();
    sink.write('stdout', 'before the loop');
    expect(outputs).toEqual([{ type: 'stream', name: 'stdout', text: 'before the loop\n' }]);
    for (let i = 0; i < 30; i++) sink.write('stdout', String(i));
    expect(outputs).toHaveLength(10); // 10 sends in the first 50 ms, the rest waits
    advance(50);
    sink.write('stdout', 'next window');
    expect(outputs).toHaveLength(11);
    expect(outputs.flatMap((o) => (o.type === 'stream' ? [o.text] : [])).join('')).toBe(`before the loop\n${Array.from({ length: 30 }, (_, i) => `${i}\n`).join('')}next window\n`);
    sink.write('stderr', 'warn');
    sink.value('1');
    expect(outputs.slice(-2)).toEqual([{ type: 'stream', name: 'stderr', text: 'warn\n' }, { type: 'value', text: '1' }]);
  });

  it('stops printing at the limit, with one notice', () => {
    const { outputs, sink } = setup();
    const line = 'x'.repeat(999);
    for (let i = 0; i < 300; i++) sink.write('stdout', line);
    sink.finish();
    const text = outputs.flatMap((o) => (o.type === 'stream' ? [o.text] : [])).join('');
    expect(text).toHaveLength(LIMITS.streamChars);
    expect(outputs.filter((o) => o.type === 'notice')).toEqual([{ type: 'notice', text: expect.stringContaining('Printing stopped after 200,000 characters') }]);
  });

  it('shows at most LIMITS.displays items, with one notice', () => {
    const { outputs, sink } = setup();
    for (let i = 0; i < LIMITS.displays + 5; i++) sink.display({ kind: 'text', text: String(i) });
    expect(outputs.filter((o) => o.type === 'display')).toHaveLength(LIMITS.displays);
    expect(outputs.filter((o) => o.type === 'notice')).toHaveLength(1);
  });

  it('sends later output at once after the run has finished', () => {
    const { outputs, sink } = setup();
    sink.finish();
    sink.write('stdout', 'from a timer');
    expect(outputs).toEqual([{ type: 'stream', name: 'stdout', text: 'from a timer\n' }]);
  });

  it('cuts a long error message and a deep stack', () => {
    const { outputs, sink } = setup();
    sink.error({ type: 'error', name: 'Error', message: 'm'.repeat(LIMITS.textChars + 10), stack: Array.from({ length: 50 }, (_, i) => `at f${i}`) });
    const e = outputs[0];
    expect(e?.type === 'error' && e.message).toMatch(/… \(10 more characters\)$/);
    expect(e?.type === 'error' && e.stack).toHaveLength(LIMITS.stackFrames);
  });
});
