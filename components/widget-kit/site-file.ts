/** The site's own data files (public/<path>), fetched from under the site's base path, in the page or a worker. */

/** The URL the site serves `public/<path>` at. */
export function siteFileUrl(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path}`;
}

/** Fetches `public/<path>`; rejects, saying what it expected, on an HTTP error. */
export async function fetchSiteFile(path: string): Promise<Uint8Array> {
  const response = await fetch(siteFileUrl(path));
  if (!response.ok) throw new Error(`expected the file ${path} at ${response.url}, got HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
