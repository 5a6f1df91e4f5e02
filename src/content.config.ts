import { defineCollection } from 'astro:content';
import { archivePaths } from './archive-paths.ts';
import { reportSchema } from './lib/report-schema.ts';
import { reportsLoader } from './reports-loader.ts';

/** The normalized reports: one Markdown file per report, id = slug = file name. */
const reports = defineCollection({
  loader: reportsLoader(archivePaths.reports, archivePaths.raw),
  schema: reportSchema,
});

export const collections = { reports };
