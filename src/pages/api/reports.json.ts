import type { APIRoute } from 'astro';
import { allReports } from '../../collections.ts';
import { reportHref } from '../../lib/urls.ts';

/** The catalogue: one record per report, enough to list, filter and link to it. */
export const GET: APIRoute = async () => {
  const reports = await allReports();
  return Response.json({
    count: reports.length,
    reports: reports.map(({ id, data }) => ({
      slug: id,
      url: reportHref(id),
      title: data.title,
      issuer: data.issuer,
      region: data.region,
      yearsReviewed: data.yearsReviewed,
      yearsPlanned: data.yearsPlanned,
      kind: data.kind,
      issued: data.issued,
      posted: data.posted,
      docNumber: data.docNumber,
      sourceFile: data.source.file,
    })),
  });
};
