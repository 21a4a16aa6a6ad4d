/** Where in a file a validation problem is: a zod issue's path as JSON-ish text ("answers["a/b"].attempts"). */

/** Formats a path of keys and indexes the way a reader would write it in JavaScript. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === '' ? '(the whole file)' : text;
}
