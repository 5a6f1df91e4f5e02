import { maxQueryLength } from '../lib/search/tokens.ts';
import { showFindBar } from './find-bar.ts';
import { setupScriptToggle } from './script-toggle.ts';

/**
 * Enhancements of a report page: the occurrences of a query carried from the search (`?q=`),
 * copying the citation (with today's date as the access date), and the 简/繁 switch.
 */
const copyButton = document.querySelector<HTMLButtonElement>('[data-copy-citation]');
const citation = document.querySelector<HTMLElement>('[data-citation]');
const statusLine = document.querySelector<HTMLElement>('[data-copy-status]');

if (copyButton && citation && 'clipboard' in navigator) {
  copyButton.hidden = false;
  copyButton.addEventListener('click', () => {
    const today = new Date().toISOString().slice(0, 10);
    const text = citation.textContent.replace('[引用日期]', `[${today}]`);
    navigator.clipboard.writeText(text).then(
      () => {
        if (statusLine) statusLine.textContent = '已复制';
      },
      (error: unknown) => {
        console.warn('[report] copy failed', error);
        if (statusLine) statusLine.textContent = '复制失败，请手动选择文本';
      },
    );
  });
}

const body = document.querySelector<HTMLElement>('[data-report-body]');
const query = Array.from(new URLSearchParams(location.search).get('q')?.trim() ?? '')
  .slice(0, maxQueryLength)
  .join('');
if (body && query) showFindBar(body, query);

setupScriptToggle();
