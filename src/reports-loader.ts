import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * Loads normalized reports into the content layer without rendering their Markdown: pages
 * render bodies themselves (`renderBody`, which never passes raw HTML through), so the glob
 * loader's render of every entry would be work thrown away. Frontmatter is JSON; `parseData`
 * validates it against the collection's schema, naming the file on error.
 */
export function reportsLoader(dir: string): Loader {
  return {
    name: 'reports-loader',
    load: async (context) => {
      const { store } = context;
      store.clear();
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
        const filePath = join(dir, name);
        const markdown = readFileSync(filePath, 'utf8');
        const end = markdown.indexOf('\n---\n', 4);
        const id = name.replace(/\.md$/, '');
        const data = await context.parseData({ id, data: JSON.parse(markdown.slice(4, end)) as Record<string, unknown>, filePath });
        // The store takes paths inside the project only; fixture archives live elsewhere.
        const local = relative(process.cwd(), filePath);
        store.set({ id, data, body: markdown.slice(end + 5), digest: context.generateDigest(markdown), ...(local.startsWith('..') ? {} : { filePath: local }) });
      }
    },
  };
}
