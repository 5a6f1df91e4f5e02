import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndex } from '../../../collections.ts';

export const getStaticPaths = (async () => (await searchIndex()).meta.map((_, n) => ({ params: { n: String(n) } }))) satisfies GetStaticPaths;

/** Listing metadata of a run of consecutive doc ids. */
export const GET: APIRoute = async ({ params }) => Response.json((await searchIndex()).meta[Number(params.n)]);
