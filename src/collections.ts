import { getCollection } from 'astro:content';
import { byNewest, type Entry } from './lib/catalogue.ts';

let cached: Entry[] | null = null;

/** Every report, newest first; read once per build. */
export async function allReports(): Promise<Entry[]> {
  cached ??= (await getCollection('reports')).map(({ id, data }) => ({ id, data })).sort(byNewest);
  return cached;
}
