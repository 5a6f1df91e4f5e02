import type { APIRoute } from 'astro';

/**
 * The crawl policy: report pages and listings may be indexed; the downloads may not, since the
 * raw captures and the report files hold the injected spam the pages leave out.
 */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site ?? 'http://localhost:4321').href;
  const body = ['User-agent: *', 'Disallow: /reports/*.raw.txt$', 'Disallow: /reports/*.original$', 'Disallow: /reports/*.md$', 'Disallow: /reports/*.json$', 'Disallow: /search/', `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
