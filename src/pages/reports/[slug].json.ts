import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntry } from 'astro:content';
import { allReports } from '../../collections.ts';
import { chunksOf } from '../../lib/topic-chunks.ts';

export const getStaticPaths = (async () => (await allReports()).map((r) => ({ params: { slug: r.id } }))) satisfies GetStaticPaths;

/** The report as JSON: its slug, metadata, cleaning record, Markdown body and its topic chunks. */
export const GET: APIRoute = async ({ params }) => {
  const entry = await getEntry('reports', params.slug!);
  if (!entry) return new Response(null, { status: 404 });
  const body = entry.body ?? '';
  return Response.json({ slug: entry.id, ...entry.data, body, chunks: chunksOf({ data: entry.data, body }) });
};
