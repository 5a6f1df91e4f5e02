import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { archiveFiles } from './src/integrations/archive-files.ts';
import { localSite, siteUrlCheck } from './src/integrations/site-url-check.ts';

/** Public origin of the archive, for canonical URLs, the feed and the sitemap: `SITE_URL` (a build without it warns). */
const site = process.env.SITE_URL || localSite;

export default defineConfig({
  site,
  outDir: process.env.ARCHIVE_OUT ?? './dist',
  trailingSlash: 'always',
  integrations: [siteUrlCheck(), sitemap(), archiveFiles()],
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
