import { highlight, unhighlight } from './find-in-report.ts';

/**
 * The bar that steps through a carried query's occurrences in the report: the count, which one
 * is current, previous and next, and a close button that removes the marks and the query from
 * the URL. The query in the URL is searched as text only.
 */
export function showFindBar(root: HTMLElement, query: string): void {
  const occurrences = highlight(root, query);
  const bar = document.createElement('div');
  bar.className = 'find-bar no-print';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', '查找');
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.dataset.findStatus = '';
  const button = (label: string, action: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = label;
    b.addEventListener('click', action);
    return b;
  };
  let current = -1;
  const go = (to: number) => {
    occurrences[current]?.classList.remove('hit-current');
    current = (to + occurrences.length) % occurrences.length;
    const mark = occurrences[current]!;
    mark.classList.add('hit-current');
    mark.scrollIntoView({ block: 'center' });
    status.textContent = `“${query}”：第 ${current + 1} 处，共 ${occurrences.length} 处`;
  };
  const close = () => {
    unhighlight(root);
    bar.remove();
    const url = new URL(location.href);
    url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  };
  if (occurrences.length === 0) {
    status.textContent = `正文中没有“${query}”（可能出现在标题或地区信息中）。`;
    bar.append(status, button('关闭', close));
  } else {
    status.textContent = `“${query}”：正文中共 ${occurrences.length} 处`;
    const previous = button('上一处', () => {
      go(current - 1);
    });
    const next = button('下一处', () => {
      go(current + 1);
    });
    previous.dataset.findPrevious = '';
    next.dataset.findNext = '';
    bar.append(status, previous, next, button('关闭', close));
    // Arriving at an anchor from a search result: the occurrence there (or the next after it) is current.
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) {
      const at = occurrences.findIndex(
        (m) => target.contains(m) || (target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      );
      if (at >= 0) {
        current = at;
        occurrences[at]!.classList.add('hit-current');
        status.textContent = `“${query}”：第 ${at + 1} 处，共 ${occurrences.length} 处`;
      }
    }
  }
  root.after(bar);
}
