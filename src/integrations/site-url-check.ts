import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isHttpUrl } from '../lib/http-url.ts';

/** The address every canonical URL, the feed, the sitemap and every citation use when `SITE_URL` is not set. */
export const localSite = 'http://localhost:4321';

/**
 * Checks `SITE_URL` for a build: a value that is not an http(s) URL stops it; no value at all
 * makes it warn loudly, since every absolute link would then point to localhost.
 * @throws Error when `SITE_URL` is set but not an http: or https: URL
 */
export function checkSiteUrl(value: string | undefined, logger: Pick<AstroIntegrationLogger, 'warn'>): void {
  if (value === undefined || value === '') {
    logger.warn(
      [
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        `SITE_URL is not set: canonical URLs, the feed, the sitemap, robots.txt and every`,
        `citation in this build point to ${localSite}. Fine for a local look; for a`,
        'deployment, build with the public address, e.g. SITE_URL=https://archive.example.cn npm run build',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      ].join('\n'),
    );
    return;
  }
  if (!isHttpUrl(value))
    throw new Error(`SITE_URL=${JSON.stringify(value)}: expected the archive's public address as an http: or https: URL`);
}

/** Warns loudly when a build has no `SITE_URL`, and refuses one that is not an http(s) URL. */
export function siteUrlCheck(): AstroIntegration {
  return {
    name: 'site-url-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') checkSiteUrl(process.env.SITE_URL, logger);
      },
    },
  };
}
