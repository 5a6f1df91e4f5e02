/**
 * Where the archive's content lives. The defaults are the published archive; tests point these
 * at a fixture archive through the environment so fixtures never enter the published site.
 */
export const archivePaths = {
  /** Raw captures, as fetched. */
  raw: process.env.ARCHIVE_RAW ?? 'content/raw',
  /** Normalized reports. */
  reports: process.env.ARCHIVE_REPORTS ?? 'content/reports',
};
