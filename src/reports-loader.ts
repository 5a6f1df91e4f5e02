import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { rawFilePath } from './lib/raw-path.ts';
import { readReportFile, reportFilePaths } from './lib/read-reports.ts';
import type { Report } from './lib/report-schema.ts';

/**
 * Loads normalized reports' frontmatter into the content layer, without their bodies: the
 * store is serialized and held in memory whole, so 30,000 bodies would cost gigabytes and
 * minutes; pages read the one body they render from its file (`readReportBody`) and render it
 * themselves (`renderBody`, which never passes raw HTML through). `parseData` validates the
 * frontmatter against the collection's schema, naming the file on error; the digest covers
 * the whole file, so a body change still invalidates the entry. Each report's raw capture must
 * be a file inside `rawDir`: a missing or out-of-folder one fails the build here, before any
 * page is rendered.
 */
export function reportsLoader(dir: string, rawDir: string): Loader {
  return {
    name: 'reports-loader',
    load: async (context) => {
      const { store } = context;
      store.clear();
      // One file at a time: 100,000 files' text held at once would be gigabytes.
      for (const path of reportFilePaths(dir)) {
        const file = readReportFile(path);
        const data = await context.parseData({ id: file.id, data: file.frontmatter, filePath: file.path });
        rawFilePath(rawDir, (data as Report).source.file, file.path);
        // The store takes paths inside the project only; fixture archives live elsewhere.
        const local = relative(process.cwd(), file.path);
        store.set({
          id: file.id,
          data,
          digest: context.generateDigest(file.markdown),
          ...(local.startsWith('..') ? {} : { filePath: local }),
        });
      }
    },
  };
}
