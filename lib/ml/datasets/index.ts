export type { Dataset, Split } from './types';
export { twoCircles, moons, spiral, xor, type PointsOptions } from './classification';
export { linearRegression } from './regression';
export { trainTestSplit, takeRows } from './split';
export { pixelDigits, DIGIT_GLYPHS, type DigitsOptions } from './images';
export { parsePointsCsv, pointsToCsv, MAX_POINTS, MIN_POINTS_PER_CLASS, POINTS_HEADER, type LabelledPoint, type PointsFile, type PointsCsvResult } from './points-csv';
export {
  IDENTITY_SCALE,
  classCounts,
  fitScale,
  fromScaled,
  ownPointsProblem,
  pointsDataset,
  readOwnPoints,
  samplePoints,
  scaledPoints,
  toScaled,
  type FeatureScale,
  type OwnPoints,
} from './own-points';
