/** What grade.mjs and course.mjs need from lib/ (bundled by esbuild at start): the course file and link, the catalogue, hand-ins and hashes. */
export { allExercises, exerciseById } from '../../lib/course/catalogue';
export { canonicalJson, contentHash, courseLink, makeHandIn, readCourseFile, writeHandIn, MAX_HAND_IN_BYTES, DEFAULT_TIME_LIMIT } from '../../lib/course/exercises';
