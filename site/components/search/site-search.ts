import type { Pagefind, PagefindPage } from './pagefind-types';

/** How many pages, and sections per page, the results list shows. */
const MAX_PAGES = 8;
const MAX_SECTIONS = 3;

/** True when a key press belongs to something the reader is typing in, so `/` must not be taken. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** A link with a title and a Pagefind excerpt (escaped text with <mark>s, from our own index). */
function resultLink(href: string, title: string, excerpt: string, className: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = className;
  const link = document.createElement('a');
  link.href = href;
  const heading = document.createElement('span');
  heading.className = 'site-search__title';
  heading.textContent = title;
  const text = document.createElement('span');
  text.className = 'site-search__excerpt';
  text.innerHTML = excerpt;
  link.append(heading, text);
  item.append(link);
  return item;
}

/** A page's entry: its title, then up to MAX_SECTIONS sections (the heading each match falls under). */
function pageEntry(page: PagefindPage): HTMLLIElement {
  const title = page.meta.title ?? page.url;
  const sections = page.sub_results.filter((s) => s.url !== page.url && s.title !== title).slice(0, MAX_SECTIONS);
  const entry = resultLink(page.url, title, sections.length ? '' : page.excerpt, 'site-search__page');
  if (sections.length) {
    const list = document.createElement('ul');
    list.append(...sections.map((s) => resultLink(s.url, s.title, s.excerpt, 'site-search__section')));
    entry.append(list);
  }
  return entry;
}

/**
 * Wires the header's search box: `/` focuses it, typing searches the Pagefind index (loaded on
 * first use, so a page that never searches downloads none of it), results list the pages and the
 * sections the matches fall under, Escape closes them (ArrowDown opens them again), and a status
 * line says how many.
 */
export function setUpSiteSearch(root: HTMLElement, base: string): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = root.querySelector<HTMLElement>('.site-search__panel');
  const list = root.querySelector<HTMLOListElement>('.site-search__results');
  const status = root.querySelector<HTMLElement>('.site-search__status');
  if (!input || !panel || !list || !status) throw new Error('site search: expected an input, a panel, a results list and a status in the search box');

  let pagefind: Promise<Pagefind> | undefined;
  /** The results list is being replaced: focus leaving it then is not the reader leaving the search. */
  let replacing = false;
  const load = (): Promise<Pagefind> => {
    pagefind ??= (import(/* @vite-ignore */ `${base}/pagefind/pagefind.js`) as Promise<Pagefind>).then(async (p) => {
      await p.options({ baseUrl: `${base}/`, excerptLength: 16 });
      return p;
    });
    return pagefind;
  };
  const show = (open: boolean): void => {
    panel.hidden = !open;
  };

  const search = async (): Promise<void> => {
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      show(false);
      return;
    }
    show(true);
    let response;
    try {
      response = await (await load()).debouncedSearch(query, {}, 200);
    } catch {
      pagefind = undefined;
      status.textContent = 'Search is not available here: its index is made by npm run build.';
      return;
    }
    if (response === null || input.value.trim() !== query) return; // a newer search is on its way
    const pages = await Promise.all(response.results.slice(0, MAX_PAGES).map((r) => r.data()));
    if (input.value.trim() !== query) return;
    // A reader who moved into the results while this search ran (typing slowly makes each word's
    // results arrive in turn) keeps their place: the same link if it is still listed, else the box.
    const focused = list.contains(document.activeElement) ? document.activeElement?.getAttribute('href') : undefined;
    replacing = true;
    list.replaceChildren(...pages.map(pageEntry));
    replacing = false;
    if (focused !== undefined) ([...list.querySelectorAll('a')].find((a) => a.getAttribute('href') === focused) ?? input).focus();
    const n = response.results.length;
    status.textContent = n === 0 ? `Nothing found for “${query}”.` : `${n} ${n === 1 ? 'page' : 'pages'} found${n > MAX_PAGES ? `, the best ${MAX_PAGES} shown` : ''}.`;
  };

  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  input.addEventListener('input', () => void search());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      if (input.value) input.value = '';
      void search();
    } else if (e.key === 'ArrowDown' && input.value.trim()) {
      e.preventDefault();
      if (panel.hidden) show(true);
      else list.querySelector('a')?.focus();
    }
  });
  panel.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape') {
      show(false);
      input.focus();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && at >= 0) {
      e.preventDefault();
      const next = at + (e.key === 'ArrowDown' ? 1 : -1);
      (next < 0 ? input : links[Math.min(next, links.length - 1)])?.focus();
    }
  });
  root.addEventListener('focusout', (e) => {
    if (e.relatedTarget instanceof Node && root.contains(e.relatedTarget)) return;
    // A focused result replaced by a newer search's list loses focus too (Chromium fires focusout
    // synchronously, before the link leaves the document) and is given it back (see search()).
    if (replacing) return;
    show(false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}
