/** Two pages that would be written to one URL. */
export class PathCollisionError extends Error {
  override name = 'PathCollisionError';
}

/**
 * Throws, naming both pages, when two of them would get the same URL path; a build must fail
 * rather than let one page silently replace another.
 */
export function assertUniquePaths(pages: Iterable<{ path: string; page: string }>): void {
  const seen = new Map<string, string>();
  for (const { path, page } of pages) {
    const other = seen.get(path);
    if (other !== undefined && other !== page) throw new PathCollisionError(`${path} would be both ${other} and ${page}`);
    seen.set(path, page);
  }
}
