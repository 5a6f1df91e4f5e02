import { readdirSync } from 'node:fs';

/** Files in the raw folder that are not raw pages: capture sidecars, dotfiles, notes. */
export const notRaw = /\.source\.json$|^\.|^README/i;

/** What is in a raw folder: the raw pages by name, and entries whose name is not valid UTF-8. */
export interface RawListing {
  /** Raw page file names, sorted. */
  names: string[];
  /** Names that are not valid UTF-8, shown with their bad bytes as `\xNN`. */
  badNames: string[];
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** A file name's bytes as text, every byte that is not printable ASCII written `\xNN`. */
function escapeName(bytes: Buffer): string {
  return [...bytes]
    .map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`))
    .join('');
}

/**
 * Lists the raw pages of `dir`: plain files only, sidecars and dotfiles left out. Names are read
 * as bytes, so a name that is not UTF-8 (which Node would otherwise turn into a different,
 * unreadable name) is reported rather than read.
 */
export function listRawFiles(dir: string): RawListing {
  const names: string[] = [];
  const badNames: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
    if (!entry.isFile()) continue;
    let name: string;
    try {
      name = strict.decode(entry.name);
    } catch {
      badNames.push(escapeName(entry.name));
      continue;
    }
    if (!notRaw.test(name)) names.push(name);
  }
  return { names: names.sort(), badNames: badNames.sort() };
}
