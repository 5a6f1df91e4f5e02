import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndex } from '../../../collections.ts';

export const getStaticPaths = (async () => (await searchIndex()).docs.map((_, n) => ({ params: { n: String(n) } }))) satisfies GetStaticPaths;

/** One report's searchable text, for checking a match exactly and cutting its snippet. */
export const GET: APIRoute = async ({ params }) => Response.json((await searchIndex()).docs[Number(params.n)]);
