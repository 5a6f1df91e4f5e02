import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { archiveFiles } from './src/integrations/archive-files.ts';

/** Public origin of the archive, for canonical URLs, the feed and the sitemap. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  outDir: process.env.ARCHIVE_OUT ?? './dist',
  trailingSlash: 'always',
  integrations: [sitemap(), archiveFiles()],
  build: {
    format: 'directory',
    // The pages carry a Content-Security-Policy without 'unsafe-inline': nothing may be inlined.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
});
