/**
 * The blocks lesson authors import. Each is documented, with an example, in the author guide
 * (site/pages/guide.mdx, served at /guide/).
 */
export { default as Figure } from './Figure.astro';
export { default as Callout } from './Callout.astro';
export { default as Details } from './Details.astro';
export { default as Widget } from './Widget.astro';
export { default as LessonLink } from './LessonLink.astro';
export { default as CodeCell } from '../notebook/CodeCellBlock.astro';
export { default as Exercise } from '../exercise/Exercise.astro';
