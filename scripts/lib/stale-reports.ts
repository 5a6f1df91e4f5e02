import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportFile } from '../../src/lib/read-reports.ts';
import { reportSchema } from '../../src/lib/report-schema.ts';

/** A report removed from the output folder, and why. */
export interface Removed {
  file: string;
  reason: string;
}

/** The raw file a report in `path` was made from, or null when the file is not one of our reports. */
function sourceOf(path: string): string | null {
  try {
    const parsed = reportSchema.safeParse(parseReportFile(path, readFileSync(path, 'utf8')).frontmatter);
    return parsed.success ? parsed.data.source.file : null;
  } catch {
    return null;
  }
}

/**
 * Removes the reports in `outDir` that this run made obsolete, and nothing else: a `.md` this run
 * did not write is removed only when it parses as a report and its own `source.file` is gone
 * from the raw folder, or was written this run under another slug. Files that are not reports
 * (README.md, notes) and reports whose raw file failed this run stay.
 * @param rawNames every raw page now in the input folder
 * @param written the slug written this run for each raw file name
 */
export function removeStaleReports(outDir: string, rawNames: ReadonlySet<string>, written: ReadonlyMap<string, string>): Removed[] {
  const slugs = new Set(written.values());
  const removed: Removed[] = [];
  for (const name of readdirSync(outDir).sort()) {
    if (!name.endsWith('.md') || name.startsWith('.') || slugs.has(name.slice(0, -3))) continue;
    const path = join(outDir, name);
    const source = sourceOf(path);
    if (source === null) continue;
    const now = written.get(source);
    const reason = now ? `raw file ${source} is now ${now}.md` : rawNames.has(source) ? null : `raw file ${source} is gone`;
    if (!reason) continue;
    rmSync(path);
    removed.push({ file: name, reason });
  }
  return removed;
}
