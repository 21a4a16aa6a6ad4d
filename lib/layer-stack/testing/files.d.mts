/** Types of files.mjs. */

/** A file of the repository as text, by its path from the repository's root (`lessons/cnn-sizes.mdx`). */
export function readRepoFile(path: string): string;
