import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndex } from '../../../collections.ts';

export const getStaticPaths = (async () => (await searchIndex()).shards.map((_, n) => ({ params: { n: String(n) } }))) satisfies GetStaticPaths;

/** One shard of postings: every term whose hash lands here. */
export const GET: APIRoute = async ({ params }) => Response.json((await searchIndex()).shards[Number(params.n)]);
