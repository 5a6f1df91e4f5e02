import { getCollection } from 'astro:content';
import { byNewest, type Entry } from './lib/catalogue.ts';
import { buildSearchIndex, type SearchIndex } from './lib/search-build.ts';

let cached: Entry[] | null = null;

/** Every report, newest first; read once per build. */
export async function allReports(): Promise<Entry[]> {
  cached ??= (await getCollection('reports')).map(({ id, data }) => ({ id, data })).sort(byNewest);
  return cached;
}

let index: SearchIndex | null = null;

/** The search index over every report, built once per build. */
export async function searchIndex(): Promise<SearchIndex> {
  index ??= buildSearchIndex((await getCollection('reports')).map(({ id, data, body }) => ({ id, data, body: body ?? '' })));
  return index;
}
