/**
 * Enhancements of a report page: copy the citation (with today's date as the access date) and
 * switch the text between Simplified and Traditional. opencc-js is fetched only when asked for.
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

const toggle = document.querySelector<HTMLButtonElement>('[data-script-toggle]');
const body = document.querySelector<HTMLElement>('[data-report-body]');
if (toggle && body) {
  toggle.hidden = false;
  let original: Map<Text, string> | null = null;
  let traditional = false;
  toggle.addEventListener('click', () => {
    void (async () => {
      try {
        if (!original) {
          const { toTraditional } = await import('./to-traditional.ts');
          original = new Map();
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node as Text;
            original.set(text, text.data);
          }
          for (const [node, value] of original) node.data = toTraditional(value);
          traditional = true;
        } else {
          traditional = !traditional;
          const { toTraditional } = await import('./to-traditional.ts');
          for (const [node, value] of original) node.data = traditional ? toTraditional(value) : value;
        }
        toggle.setAttribute('aria-pressed', String(traditional));
        toggle.textContent = traditional ? '简体' : '繁體';
        document.documentElement.lang = traditional ? 'zh-TW' : 'zh-CN';
      } catch (error) {
        console.warn('[report] script conversion failed', error);
      }
    })();
  });
}
