import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatShort } from './format';

describe('format', () => {
  it('formatCount() uses thousands separators', () => {
    expect(formatCount(62_378_344)).toBe('62,378,344');
    expect(formatCount(0)).toBe('0');
  });

  it('formatBytes() uses decimal units with three significant digits', () => {
    expect(formatBytes(400)).toBe('400 B');
    expect(formatBytes(3136)).toBe('3.14 kB');
    expect(formatBytes(138_357_544 * 4)).toBe('553 MB');
    expect(formatBytes(999_600)).toBe('1.00 MB');
    expect(formatBytes(1.2e9)).toBe('1.20 GB');
  });

  it('formatShort() writes millions and billions', () => {
    expect(formatShort(416_520)).toBe('416,520');
    expect(formatShort(105_415_200)).toBe('105 M');
    expect(formatShort(1_135_256_096)).toBe('1.14 G');
  });
});
