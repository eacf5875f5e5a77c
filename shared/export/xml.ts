// Escaping for the XML exports. XML 1.0 cannot carry most C0 control characters at all (not
// even as &#1;), nor lone surrogates or U+FFFE/U+FFFF: they are dropped rather than writing a
// file no parser accepts.

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the control characters are what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content: & < > escaped (> too, so "]]>" can never appear). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; tabs and line ends as references, or parsers fold them to spaces. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
