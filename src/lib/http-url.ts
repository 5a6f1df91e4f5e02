/** Whether `value` is an absolute `http:` or `https:` URL: the only addresses the archive links to. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return (protocol === 'http:' || protocol === 'https:') && /^https?:\/\//i.test(value.trim());
}
