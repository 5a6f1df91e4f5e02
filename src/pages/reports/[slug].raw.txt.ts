import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { archivePaths } from '../../archive-paths.ts';
import { allReports } from '../../collections.ts';
import { decodeBytes } from '../../lib/decode-bytes.ts';

export const getStaticPaths = (async () =>
  (await allReports()).map((r) => ({ params: { slug: r.id }, props: { file: r.data.source.file } }))) satisfies GetStaticPaths;

/**
 * The raw capture as plain UTF-8 text, exactly as scraped but for its encoding: served as
 * text/plain so an HTML capture is shown as source, never rendered.
 */
export const GET: APIRoute = ({ props }) => {
  const { text } = decodeBytes(readFileSync(`${archivePaths.raw}/${(props as { file: string }).file}`));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
