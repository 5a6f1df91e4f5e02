import { defineCollection } from 'astro:content';
import { archivePaths } from './archive-paths.ts';
import { listingSchema } from './lib/report-schema.ts';
import { reportsLoader } from './reports-loader.ts';

/**
 * The normalized reports: one Markdown file per report, id = slug = file name. The loader checks
 * each whole file against the report schema; the collection keeps only its listing fields.
 */
const reports = defineCollection({
  loader: reportsLoader(archivePaths.reports, archivePaths.raw),
  schema: listingSchema,
});

export const collections = { reports };
