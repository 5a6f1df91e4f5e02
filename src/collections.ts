import { getCollection } from 'astro:content';
import { byNewest, type Entry } from './lib/catalogue.ts';
import { relatedIndex, type RelatedIndex } from './lib/related.ts';
import { regionTree, type RegionNode } from './lib/region-tree.ts';

let cached: Entry[] | null = null;

/** Every report, newest first; read once per build. */
export async function allReports(): Promise<Entry[]> {
  cached ??= (await getCollection('reports')).map(({ id, data }) => ({ id, data })).sort(byNewest);
  return cached;
}

let ids: Map<string, number> | null = null;

/** Each report's search doc id: its place newest first, the order the archive-files writer adds them in. */
export async function docIds(): Promise<Map<string, number>> {
  ids ??= new Map((await allReports()).map((r, id) => [r.id, id]));
  return ids;
}

let related: RelatedIndex | null = null;

/** Reports grouped by region and year, for the compare links of every report page. */
export async function relatedReports(): Promise<RelatedIndex> {
  related ??= relatedIndex(await allReports());
  return related;
}

let regions: RegionNode[] | null = null;

/** Province → city → county of every report with a known province; built once per build. */
export async function allRegions(): Promise<RegionNode[]> {
  regions ??= regionTree((await allReports()).filter((r) => r.data.region.province));
  return regions;
}
