import type { APIRoute } from 'astro';
import { traditionalPairs } from '../../lib/traditional.ts';

/** Traditional → Simplified character pairs, so a query in Traditional finds Simplified text. */
export const GET: APIRoute = () => Response.json({ pairs: traditionalPairs() });
