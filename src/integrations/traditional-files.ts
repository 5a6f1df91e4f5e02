import { readFileSync } from 'node:fs';
import { buildTraditionalTable, type TraditionalTable } from '../lib/traditional-table.ts';
import { toTraditional } from '../lib/to-traditional.ts';

/**
 * Sources of the fixed words a report page shows around the report (navigation, panel headings,
 * labels, the find bar): their Chinese runs go into every page's table, so the whole page
 * switches, not only the report's own text.
 */
const interfaceSources = [
  '../layouts/Base.astro',
  '../pages/reports/[slug].astro',
  '../components/Toc.astro',
  '../components/CleaningRecord.astro',
  '../components/MetricsTable.astro',
  '../components/ReportCaveats.astro',
  '../lib/labels.ts',
  '../lib/catalogue.ts',
  '../lib/related.ts',
  '../lib/report-notes.ts',
  '../lib/render-report.ts',
  '../lib/cleaner-marks.ts',
  '../client/find-bar.ts',
  '../client/script-toggle.ts',
  '../client/report-page.ts',
];

let interfaceTexts: Map<string, string> | null = null;

/** The Chinese runs of the page's fixed words, each with its conversion: read and converted once. */
function pageWords(): Map<string, string> {
  interfaceTexts ??= new Map(
    interfaceSources
      .flatMap((path) => readFileSync(new URL(path, import.meta.url), 'utf8').match(/[\p{Script=Han}，。、：；（）《》“”·—…0-9]+/gu) ?? [])
      .map((text) => [text, toTraditional(text)]),
  );
  return interfaceTexts;
}

/**
 * A report page's Traditional table (see `TraditionalTable`; packed with the report's text, see
 * `src/lib/search/format.ts`), from the report file's text, the other texts its page shows
 * (`shown`: the titles of the reports it links to) and the page's fixed words.
 */
export function pageTraditionalTable(markdown: string, shown: string[] = []): TraditionalTable {
  const words = pageWords();
  return buildTraditionalTable([markdown, ...shown, ...words.keys()], (text) => words.get(text) ?? toTraditional(text));
}
