import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { rawFilePath } from './lib/raw-path.ts';
import { readReport, reportFilePaths } from './lib/read-reports.ts';

/**
 * Loads normalized reports' listing fields into the content layer, without their bodies or the
 * rest of their frontmatter: the store is serialized and held in memory whole, so 100,000
 * reports' sections, figures and cleaning records would cost gigabytes; a report's page reads
 * its own file (`readReport`) and renders its body itself (`renderBody`, which never passes raw
 * HTML through). Each file is checked whole against the report schema here (`readReport`,
 * naming the file on error); `parseData` then keeps the collection's listing fields. The digest
 * covers the whole file, so any change still invalidates the entry. Each report's raw capture
 * must be a file inside `rawDir`: a missing or out-of-folder one fails the build here, before
 * any page is rendered.
 */
export function reportsLoader(dir: string, rawDir: string): Loader {
  return {
    name: 'reports-loader',
    load: async (context) => {
      const { store } = context;
      store.clear();
      // One file at a time: 100,000 files' text held at once would be gigabytes.
      for (const path of reportFilePaths(dir)) {
        const file = readReport(path);
        const data = await context.parseData({ id: file.id, data: file.data, filePath: path });
        rawFilePath(rawDir, file.data.source.file, path);
        // The store takes paths inside the project only; fixture archives live elsewhere.
        const local = relative(process.cwd(), path);
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
