import type { APIRoute } from 'astro';
import { searchIndex } from '../../collections.ts';

/** Sizes of the search index and the filter vocabularies: the first thing search loads. */
export const GET: APIRoute = async () => Response.json((await searchIndex()).manifest);
