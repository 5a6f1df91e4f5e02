/**
 * Compare pickers: a form of report checkboxes submitted to /compare/. Keeps a count of the
 * ticked reports and refuses to submit fewer than two or more than four, saying why. Logs
 * `[compare-picker] …` and never throws into the page.
 */
const min = 2;
const max = 4;

function say(form: HTMLFormElement, text: string): void {
  const el = form.querySelector<HTMLElement>('[data-picker-status]');
  if (el) el.textContent = text;
}

function ticked(form: HTMLFormElement): number {
  return form.querySelectorAll('input[name="r"]:checked').length;
}

function init(form: HTMLFormElement): void {
  form.addEventListener('change', () => {
    const n = ticked(form);
    say(form, n > max ? `已选 ${n} 篇，最多对比 ${max} 篇，请取消 ${n - max} 篇。` : n ? `已选 ${n} 篇。` : '');
  });
  form.addEventListener('submit', (event) => {
    const n = ticked(form);
    if (n >= min && n <= max) return;
    event.preventDefault();
    say(form, n < min ? `请至少选择 ${min} 篇报告（已选 ${n} 篇）。` : `最多对比 ${max} 篇报告，已选 ${n} 篇，请取消 ${n - max} 篇。`);
  });
}

try {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-compare-picker]')) init(form);
} catch (error) {
  console.error('[compare-picker] failed', error);
}
