import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { archivePaths } from './archive-paths.ts';
import { reportSchema } from './lib/report-schema.ts';

/** The normalized reports: one Markdown file per report, id = slug = file name. */
const reports = defineCollection({
  loader: glob({ pattern: '*.md', base: archivePaths.reports, generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: reportSchema,
});

export const collections = { reports };
