import type { Text } from 'mdast';
import { defaultHandlers, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';

/** The characters a serializer's unsafe patterns escape, and a backslash, marked by UTF-16 unit: by those characters. */
const tables = new Map<string, Uint8Array>();
/**
 * The table of each pattern list: the library copies its list for every document it writes, so
 * the list finds its table by its characters, worked out once per list.
 */
const unitsOf = new WeakMap<Unsafe[], Uint8Array>();

function unsafeUnits(state: State): Uint8Array {
  let units = unitsOf.get(state.unsafe);
  if (!units) {
    // A backslash is escaped before punctuation whatever the patterns say.
    const chars = [...new Set(['\\', ...state.unsafe.map((u) => u.character)])].join('');
    units = tables.get(chars);
    if (!units) {
      units = new Uint8Array(0x10000);
      for (const c of chars) units[c.charCodeAt(0)] = 1;
      tables.set(chars, units);
    }
    unitsOf.set(state.unsafe, units);
  }
  return units;
}

/**
 * mdast-util-to-markdown's text handler, with two shortcuts. `state.safe` escapes only characters
 * that some unsafe pattern names (or a backslash), at places inside the text itself: so a text
 * without any of them — most of a Chinese report, whose punctuation is full-width — comes out as
 * it is, and any other text goes to the library's own handler with only the patterns whose
 * character it holds (a pattern can match nowhere else) instead of a regular expression run for
 * each of the forty. Outside autolinks only, where percent-encoding follows other rules.
 */
export const fastText: Handle = (node: Text, parent, state, info) => {
  if (state.stack.includes('autolink')) return defaultHandlers.text(node, parent, state, info);
  const units = unsafeUnits(state);
  const value = node.value;
  let present: Set<number> | null = null;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (units[unit] === 1) (present ??= new Set()).add(unit);
  }
  if (!present) return value;
  const all = state.unsafe;
  state.unsafe = all.filter((u) => present.has(u.character.charCodeAt(0)));
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};
