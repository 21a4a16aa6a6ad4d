/**
 * The page's one kernel and its cells. Each CodeCell is its own Preact island, so what they share
 * (the kernel, the list of cells for Run all and Shift+Enter) lives here, created on first use.
 */
import { KernelHost } from './kernel-host';
import type { LibraryLoaders } from './completion-source';

/** What the page knows of a cell: where it is, and how to run and focus it. */
export interface CellHandle {
  readonly element: HTMLElement;
  run(): Promise<unknown>;
  focus(): void;
}

let host: KernelHost | undefined;
const cells = new Set<CellHandle>();

/** The page-wide kernel host (cells on a page share one kernel). */
export function pageKernel(): KernelHost {
  if (!host) {
    // The kernel's code is a string made at build time; only pages that run a cell load it.
    host = new KernelHost(
      () => import('virtual:notebook-kernel-source').then((m) => m.default),
      // A lesson library's bundle (only pages whose cells ask for one load it).
      (name) => import('virtual:notebook-libraries').then((m) => libraryLoader(m.default, name).source()),
    );
    host.connect(window);
  }
  return host;
}

/** Adds a cell to the page's list; returns the function that removes it. */
export function registerCell(cell: CellHandle): () => void {
  cells.add(cell);
  return () => cells.delete(cell);
}

/** The page's cells in document order. */
export function cellsInOrder(): CellHandle[] {
  return [...cells].sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Runs every cell of the page, top to bottom (they queue on the one kernel). */
export function runAll(): Promise<unknown[]> {
  return Promise.all(cellsInOrder().map((c) => c.run()));
}

/** Moves focus to the cell after `cell`, if there is one; returns whether it did. */
export function focusNextCell(cell: CellHandle): boolean {
  const order = cellsInOrder();
  const next = order[order.indexOf(cell) + 1];
  next?.focus();
  return next !== undefined;
}

/** The loaders of library `name`; throws for a name the build has no library for. */
export function libraryLoader(loaders: LibraryLoaders, name: string): LibraryLoaders[string] {
  const loader = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  if (!loader) throw new Error(`expected a lesson library, one of ${Object.keys(loaders).join(', ')}; got "${name}"`);
  return loader;
}
