import type { APIRoute } from 'astro';
import { allReports } from '../../collections.ts';
import { regionLabel } from '../../lib/catalogue.ts';
import { reportNotes } from '../../lib/report-notes.ts';
import type { TableCatalogue } from '../../lib/report-table.ts';

/** The all-reports table's catalogue (see `TableCatalogue`): what its filters and sorts need, compactly. */
export const GET: APIRoute = async () => {
  const regions: TableCatalogue['regions'] = [];
  const index = new Map<string, number>();
  const rows: TableCatalogue['rows'] = (await allReports()).map(({ id, data }) => {
    const label = regionLabel(data.region);
    const key = `${data.region.code ?? ''}|${label}`;
    let i = index.get(key);
    if (i === undefined) {
      i = regions.push([data.region.code, label]) - 1;
      index.set(key, i);
    }
    return [id, data.title, i, data.yearsReviewed, data.yearsPlanned, data.kind, data.posted ?? data.issued, reportNotes(data)];
  });
  return new Response(JSON.stringify({ regions, rows } satisfies TableCatalogue), { headers: { 'Content-Type': 'application/json' } });
};
