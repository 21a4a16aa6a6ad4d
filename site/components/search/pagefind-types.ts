/** The part of Pagefind's browser API (dist/pagefind/pagefind.js) the search box uses. */
export interface Pagefind {
  /** Sets options such as the site's base URL before the first search. */
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  /** Searches after a short pause in typing; null when a later call superseded this one. */
  debouncedSearch(query: string, options?: object, timeoutMs?: number): Promise<PagefindResponse | null>;
  /** Loads the index's entry file ahead of the first search. */
  init(): Promise<void>;
}

/** One search's hits, best first; each hit's details load on demand. */
export interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindPage> }[];
}

/** A page that matched, with the sections (headings with ids) the matches fall under. */
export interface PagefindPage {
  url: string;
  /** HTML-escaped text with the matched words in <mark>. */
  excerpt: string;
  meta: { title?: string };
  sub_results: { title: string; url: string; excerpt: string }[];
}
