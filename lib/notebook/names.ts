/** Names of saved notebooks: what a name may be, and free names for new, copied and imported ones. */

/** Longest notebook name, in characters. */
export const MAX_NAME_LENGTH = 80;

/** `name` tidied (spaces trimmed and runs of white space made one), or a message saying why it cannot be a name. */
export function checkNotebookName(name: string, taken: readonly string[]): { ok: true; name: string } | { ok: false; message: string } {
  const tidy = name.replace(/\s+/g, ' ').trim();
  if (tidy === '') return { ok: false, message: 'A notebook needs a name: expected 1 to 80 characters, got none' };
  if (tidy.length > MAX_NAME_LENGTH) return { ok: false, message: `A notebook name has at most ${MAX_NAME_LENGTH} characters, got ${tidy.length}` };
  if (/[\u0000-\u001f\u007f]/.test(tidy)) return { ok: false, message: 'A notebook name cannot hold control characters' };
  if (taken.includes(tidy)) return { ok: false, message: `There is already a notebook named “${tidy}”: expected a name not in the list` };
  return { ok: true, name: tidy };
}

/** `base` if no notebook has that name, else `base (2)`, `base (3)`, ... (cut to fit MAX_NAME_LENGTH). */
export function freeName(base: string, taken: readonly string[]): string {
  const tidy = base.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) || 'Untitled';
  const used = new Set(taken);
  if (!used.has(tidy)) return tidy;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${tidy.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!used.has(name)) return name;
  }
}

/** A notebook's name from the file it was imported from: "lesson 3.ipynb" → "lesson 3". */
export function nameFromFileName(fileName: string): string {
  return fileName.replace(/\.ipynb$/i, '').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** A file name for a notebook called `name`, ending in `extension` (".ipynb"): characters files cannot hold become "_". */
export function fileNameFor(name: string, extension: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_').trim();
  return `${safe || 'notebook'}${extension}`;
}
