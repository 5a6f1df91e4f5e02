import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { archivePaths } from '../../archive-paths.ts';
import { allReports } from '../../collections.ts';

export const getStaticPaths = (async () => (await allReports()).map((r) => ({ params: { slug: r.id } }))) satisfies GetStaticPaths;

/** The normalized report file as committed: frontmatter and Markdown body. */
export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(`${archivePaths.reports}/${params.slug}.md`), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
