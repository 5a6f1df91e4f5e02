import type { Page } from 'playwright-core';

/** The search page's status line. */
export const searchStatus = (page: Page) => page.locator('[data-search-status]');

/** Resolves once the status line says what the search found (or that it found nothing). */
export const searchAnswered = (page: Page) =>
  searchStatus(page)
    .filter({ hasText: /找到|没有/ })
    .waitFor();

/** The slugs of the results shown, in order. */
export const shownSlugs = (page: Page) =>
  page
    .locator('[data-search-results] li > a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!));
