import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { readReportFiles } from './lib/read-reports.ts';

/**
 * Loads normalized reports into the content layer without rendering their Markdown: pages
 * render bodies themselves (`renderBody`, which never passes raw HTML through), so the glob
 * loader's render of every entry would be work thrown away. `parseData` validates the
 * frontmatter against the collection's schema, naming the file on error.
 */
export function reportsLoader(dir: string): Loader {
  return {
    name: 'reports-loader',
    load: async (context) => {
      const { store } = context;
      store.clear();
      for (const file of readReportFiles(dir)) {
        const data = await context.parseData({ id: file.id, data: file.frontmatter, filePath: file.path });
        // The store takes paths inside the project only; fixture archives live elsewhere.
        const local = relative(process.cwd(), file.path);
        store.set({ id: file.id, data, body: file.body, digest: context.generateDigest(file.markdown), ...(local.startsWith('..') ? {} : { filePath: local }) });
      }
    },
  };
}
