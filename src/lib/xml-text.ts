/** Characters XML 1.0 does not allow anywhere in a document (C0 controls but tab and newlines, lone surrogates, U+FFFE, U+FFFF). */
const notXml = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `text` as XML character data or attribute value: markup characters escaped, characters XML forbids dropped. */
export function xmlText(text: string): string {
  return text.replace(notXml, '').replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
