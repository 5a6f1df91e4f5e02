/**
 * Whether `name` is a plain file name that can only mean a file directly inside the raw folder:
 * not empty, at most 255 characters, no `/` or `\`, no `..`, no NUL or other control
 * character, and not hidden (no leading dot).
 */
export function isPlainFileName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what a plain name must not hold
  return name.length > 0 && name.length <= 255 && !/[/\\\u0000-\u001f\u007f]/.test(name) && !name.startsWith('.') && !name.includes('..');
}
