import type { APIRoute } from 'astro';
import { allReports } from '../collections.ts';
import { kindLabel, regionLabel, yearsLabel } from '../lib/catalogue.ts';
import { reportHref } from '../lib/urls.ts';
import { xmlText as escape } from '../lib/xml-text.ts';

/** Atom feed of the 50 newest reports. */
export const GET: APIRoute = async ({ site }) => {
  const reports = (await allReports()).slice(0, 50);
  const base = site ?? new URL('http://localhost:4321');
  const updated =
    reports
      .map((r) => r.data.posted ?? '1970-01-01')
      .sort()
      .at(-1) ?? '1970-01-01';
  const entries = reports
    .map((r) => {
      const url = new URL(reportHref(r.id), base).href;
      return `  <entry>
    <title>${escape(r.data.title)}</title>
    <link href="${escape(url)}"/>
    <id>${escape(url)}</id>
    <updated>${r.data.posted ?? updated}T00:00:00Z</updated>
    <author><name>${escape(r.data.issuer ?? '教育局')}</name></author>
    <summary>${escape(`${regionLabel(r.data.region)} · ${yearsLabel(r.data)} · ${kindLabel(r.data.kind)}`)}</summary>
  </entry>`;
    })
    .join('\n');
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>教育局工作报告档案</title>
  <link href="${escape(new URL('/', base).href)}"/>
  <link rel="self" href="${escape(new URL('/feed.xml', base).href)}"/>
  <id>${escape(new URL('/', base).href)}</id>
  <updated>${updated}T00:00:00Z</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
