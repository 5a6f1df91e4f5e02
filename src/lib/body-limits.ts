/** Largest report body accepted, in UTF-8 bytes: a real report's is well under 1 MB. */
export const maxBodyBytes = 4 * 1024 * 1024;

/**
 * Most ASCII punctuation marks a report body may hold. Markdown parsing costs far more memory
 * for punctuation (escapes, emphasis runs) than for text: a body of `\*` takes about 1.5 GB per
 * megabyte to render. A Chinese report uses full-width punctuation and holds a few thousand.
 */
export const maxBodyPunctuation = 100_000;

function asciiPunctuation(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)) n++;
  }
  return n;
}

/**
 * Why a report body is too big to render in bounded time and memory, or null when it is not.
 * The reason is user-facing and names the limit.
 */
export function bodyLimitProblem(body: string): string | null {
  const bytes = Buffer.byteLength(body);
  if (bytes > maxBodyBytes) {
    return `report body is ${(bytes / 1048576).toFixed(1)} MB; bodies over ${maxBodyBytes / 1048576} MB are refused`;
  }
  const punctuation = asciiPunctuation(body);
  if (punctuation > maxBodyPunctuation) {
    return `report body holds ${punctuation} ASCII punctuation marks (Markdown syntax and escapes); more than ${maxBodyPunctuation} are refused`;
  }
  return null;
}
