import type { Report } from './report-schema.ts';

/**
 * Whether a report's raw capture is published as its own file (`/reports/<slug>.original`): only
 * when its bytes are not UTF-8. A UTF-8 capture's bytes are its `.raw.txt` (the same text, with a
 * byte-order mark put before it when it had none), so a second copy would only add a file.
 */
export function hasOriginalFile(source: Pick<Report['source'], 'encoding'>): boolean {
  return source.encoding !== 'UTF-8';
}
