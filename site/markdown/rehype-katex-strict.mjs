/**
 * Rehype plugin run after rehype-katex: rehype-katex only records a warning for a formula it cannot
 * parse and renders red text in its place. A lesson must never ship that, so any such warning
 * becomes a build error naming the file, line and column, and KaTeX's own explanation.
 */
export default function rehypeKatexStrict() {
  return (_tree, file) => {
    const failures = file.messages.filter((m) => m.source === 'rehype-katex');
    if (failures.length === 0) return;
    const lines = failures.map((m) => {
      const where = `${file.path ?? '<unknown file>'}:${m.line ?? '?'}:${m.column ?? '?'}`;
      return `${where}: ${m.cause instanceof Error ? m.cause.message : m.reason}`;
    });
    throw new Error(`Malformed math (KaTeX):\n${lines.join('\n')}`);
  };
}
