import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWidgetHash, widgetAnchor } from './widget-anchor';

describe('widgetAnchor()', () => {
  it('slugs the title under a widget- prefix', () => {
    expect(widgetAnchor('Activation explorer')).toBe('widget-activation-explorer');
    expect(widgetAnchor('Cross-entropy versus squared error')).toBe('widget-cross-entropy-versus-squared-error');
    expect(widgetAnchor('  Convolution over colour channels!')).toBe('widget-convolution-over-colour-channels');
    expect(widgetAnchor('Déjà vu')).toBe('widget-deja-vu');
  });

  it('refuses a title with nothing to slug', () => {
    expect(() => widgetAnchor('…')).toThrow('expected a title with a letter or digit, got "…"');
  });

  it('gives every widget in a lesson its own anchor', () => {
    const dir = 'lessons';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const titles = [...readFileSync(join(dir, file), 'utf8').matchAll(/<Widget\s+title="([^"]+)"/g)].map((m) => m[1] ?? '');
      const anchors = titles.map(widgetAnchor);
      expect(new Set(anchors).size, `${file}: ${anchors.join(', ')}`).toBe(anchors.length);
    }
  });
});

describe('isWidgetHash()', () => {
  it('accepts a widget anchor and nothing else', () => {
    expect(isWidgetHash('#widget-softmax')).toBe(true);
    expect(isWidgetHash('#softmax')).toBe(false);
    expect(isWidgetHash('#widget-')).toBe(false);
    expect(isWidgetHash('#code=abc')).toBe(false);
  });
});
