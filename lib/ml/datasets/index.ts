export type { Dataset, Split } from './types';
export { twoCircles, moons, spiral, xor, type PointsOptions } from './classification';
export { linearRegression } from './regression';
export { trainTestSplit, takeRows } from './split';
export { pixelDigits, DIGIT_GLYPHS, type DigitsOptions } from './images';
