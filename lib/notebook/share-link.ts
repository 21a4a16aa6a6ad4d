/**
 * A cell's code in a link: the URL fragment `#cell=<cell id>:<code>`, the code compressed with
 * lz-string into URL-safe characters (A–Z a–z 0–9 + - $). The fragment never reaches a server.
 * Bounded both ways: a link's code is at most LINK_LIMITS.fragmentChars long, and what it
 * decompresses to at most LINK_LIMITS.codeChars; a fragment cut short or altered is refused
 * (the code must compress back to exactly the same text), with a message saying what is wrong.
 */
import LZString from 'lz-string';
import { cellIdProblem } from './cell-id';

/** How big a shared cell may be. */
export const LINK_LIMITS = {
  /** Characters of the compressed code in the link (links much longer than this break in mail and chat). */
  fragmentChars: 8000,
  /** Characters of code a link may carry once decompressed. */
  codeChars: 100_000,
} as const;

const PREFIX = '#cell=';

/** The fragment that shares `code` as cell `cellId`, or why it cannot. */
export function cellLinkFragment(cellId: string, code: string): { ok: true; fragment: string } | { ok: false; message: string } {
  const idProblem = cellIdProblem(cellId);
  if (idProblem) return { ok: false, message: `Cannot make a link: ${idProblem}.` };
  if (code.length > LINK_LIMITS.codeChars) {
    return { ok: false, message: `This cell's code is too long to share in a link: ${code.length.toLocaleString('en-US')} characters, at most ${LINK_LIMITS.codeChars.toLocaleString('en-US')}.` };
  }
  const compressed = LZString.compressToEncodedURIComponent(code);
  if (compressed.length > LINK_LIMITS.fragmentChars) {
    return {
      ok: false,
      message: `This cell's code is too long to share in a link: it compresses to ${compressed.length.toLocaleString('en-US')} characters, at most ${LINK_LIMITS.fragmentChars.toLocaleString('en-US')}. Shorten it, or copy the code itself.`,
    };
  }
  return { ok: true, fragment: `${PREFIX}${cellId}:${compressed}` };
}

/** What a page's fragment says about cells: nothing, a cell's code, or a cell link that cannot be read (and why). */
export type CellLink = { readonly kind: 'none' } | { readonly kind: 'code'; readonly cellId: string; readonly code: string } | { readonly kind: 'invalid'; readonly cellId?: string; readonly message: string };

const CUT = 'It may have been cut short or changed when it was copied; nothing was changed.';

/** Reads `hash` (location.hash, with its '#'): a cell link, or none if the fragment is about something else. */
export function parseCellLink(hash: string): CellLink {
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  let rest = hash.slice(PREFIX.length);
  // Some mail and chat programs percent-encode the fragment's '$' and '+'.
  if (rest.includes('%')) {
    try {
      rest = decodeURIComponent(rest);
    } catch {
      return { kind: 'invalid', message: `This link's cell code could not be read: it has a broken %-escape. ${CUT}` };
    }
  }
  const colon = rest.indexOf(':');
  if (colon < 0) return { kind: 'invalid', message: `This link's cell code could not be read: expected #cell=<cell id>:<code>, found no ':'. ${CUT}` };
  const cellId = rest.slice(0, colon);
  const compressed = rest.slice(colon + 1);
  const idProblem = cellIdProblem(cellId);
  if (idProblem) return { kind: 'invalid', message: `This link's cell could not be read: ${idProblem}. ${CUT}` };
  const invalid = (message: string): CellLink => ({ kind: 'invalid', cellId, message });
  if (compressed.length === 0) return invalid(`This link carries no code for cell “${cellId}”. ${CUT}`);
  if (compressed.length > LINK_LIMITS.fragmentChars) {
    return invalid(`This link's code is too long: ${compressed.length.toLocaleString('en-US')} characters, at most ${LINK_LIMITS.fragmentChars.toLocaleString('en-US')}. Nothing was changed.`);
  }
  if (!/^[A-Za-z0-9+$-]+$/.test(compressed)) return invalid(`This link's code for cell “${cellId}” has characters a cell link never has. ${CUT}`);
  let code: string | null;
  try {
    code = LZString.decompressFromEncodedURIComponent(compressed);
  } catch {
    code = null;
  }
  if (code !== null && code.length > LINK_LIMITS.codeChars) {
    return invalid(`This link's code is too long: ${code.length.toLocaleString('en-US')} characters once unpacked, at most ${LINK_LIMITS.codeChars.toLocaleString('en-US')}. Nothing was changed.`);
  }
  // lz-string is deterministic: the code of a whole, unaltered link compresses back to the same text.
  if (!code || LZString.compressToEncodedURIComponent(code) !== compressed) return invalid(`This link's code for cell “${cellId}” could not be unpacked. ${CUT}`);
  return { kind: 'code', cellId, code };
}
