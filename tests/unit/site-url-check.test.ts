import { describe, expect, it } from 'vitest';
import { checkSiteUrl } from '../../src/integrations/site-url-check.ts';

/** The warnings a check gives. */
function warnings(value: string | undefined): string[] {
  const said: string[] = [];
  checkSiteUrl(value, { warn: (m: string) => said.push(m) });
  return said;
}

describe('a production build and SITE_URL', () => {
  it('warns loudly when SITE_URL is not set', () => {
    const [warning] = warnings(undefined);
    expect(warning).toContain('SITE_URL is not set: canonical URLs, the feed, the sitemap, robots.txt and every');
    expect(warning).toContain('http://localhost:4321');
    expect(warnings('')).toHaveLength(1);
  });
  it('is quiet with an https: address', () => {
    expect(warnings('https://archive.example.cn')).toEqual([]);
  });
  it.each(['javascript:alert(1)', 'archive.example.cn', 'ftp://archive.example.cn'])('refuses SITE_URL=%s', (value) => {
    expect(() => warnings(value)).toThrow(
      `SITE_URL=${JSON.stringify(value)}: expected the archive's public address as an http: or https: URL`,
    );
  });
});
