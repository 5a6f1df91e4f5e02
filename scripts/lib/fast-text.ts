import type { Text } from 'mdast';
import { defaultHandlers, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';

/** Characters any of a serializer's unsafe patterns can escape, per pattern list. */
const charactersOf = new WeakMap<Unsafe[], RegExp>();

function unsafeCharacters(state: State): RegExp {
  let pattern = charactersOf.get(state.unsafe);
  if (!pattern) {
    const chars = new Set(state.unsafe.map((u) => u.character));
    // A backslash is escaped before punctuation whatever the patterns say.
    chars.add('\\');
    pattern = new RegExp(`[${[...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);
    charactersOf.set(state.unsafe, pattern);
  }
  return pattern;
}

/**
 * mdast-util-to-markdown's text handler, with a shortcut: `state.safe` escapes only characters
 * that some unsafe pattern names (or a backslash), so a text without any of them — most of a
 * Chinese report, whose punctuation is full-width — comes out as it is. Anything else goes to the
 * library's own handler. Outside autolinks only, where percent-encoding follows other rules.
 */
export const fastText: Handle = (node: Text, parent, state, info) => {
  if (!state.stack.includes('autolink') && !unsafeCharacters(state).test(node.value)) return node.value;
  return defaultHandlers.text(node, parent, state, info);
};
