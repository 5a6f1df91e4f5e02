import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntry } from 'astro:content';
import { allReports } from '../../collections.ts';

export const getStaticPaths = (async () => (await allReports()).map((r) => ({ params: { slug: r.id } }))) satisfies GetStaticPaths;

/** The report as JSON: its slug, metadata, cleaning record and Markdown body. */
export const GET: APIRoute = async ({ params }) => {
  const entry = await getEntry('reports', params.slug!);
  if (!entry) return new Response(null, { status: 404 });
  return Response.json({ slug: entry.id, ...entry.data, body: entry.body ?? '' });
};
