import type { APIRoute } from 'astro';
import { indexHrefs, reportFile } from '../lib/urls.ts';

/**
 * The crawl policy: report pages and listings may be indexed; the downloads may not, since the
 * raw captures and the report files hold the injected spam the pages leave out.
 */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site ?? 'http://localhost:4321').href;
  const downloads = (['raw.txt', 'original', 'md', 'json'] as const).map((kind) => `Disallow: ${reportFile('*', kind)}$`);
  const body = ['User-agent: *', ...downloads, `Disallow: ${indexHrefs.search}`, `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
