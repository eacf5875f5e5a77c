// Reading our zipped XML exports back in tests (a brief as a Word file, a REFI-QDA project):
// the zip unpacked with fflate, its parts decoded as strict UTF-8, and XML read into a small DOM
// with htmlparser2 in XML mode, refusing mismatched tags (htmlparser2 itself is forgiving).
import { unzipSync, type Unzipped } from 'fflate';
import { Parser } from 'htmlparser2';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

/** A small DOM of the XML: a `#document` element holding its root. Throws on a mismatched or unclosed tag. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '', parent: null };
  let current = root;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, children: [], text: '', parent: current };
        current.children.push(element);
        current = element;
      },
      ontext(text) {
        current.text += text;
      },
      onclosetag(name, implied) {
        if (implied && name !== current.name) throw new Error(`implied close of ${name}`);
        if (name !== current.name) throw new Error(`</${name}> closes <${current.name}>`);
        current = current.parent!;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  parser.end();
  if (current !== root) throw new Error(`<${current.name}> is not closed`);
  return root;
}

/** Every element named `name` below `element`, in document order. */
export const all = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
/** The first element named `name` below `element`. */
export const first = (element: XmlElement, name: string): XmlElement | undefined => all(element, name)[0];
/** The first child of `element` named `name`. */
export const child = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((c) => c.name === name);

/** A zip's files, and one of them as text (strict UTF-8; a missing file throws). */
export function unzip(bytes: Uint8Array): { files: Unzipped; text: (path: string) => string } {
  const files = unzipSync(bytes);
  const text = (path: string): string => {
    const file = files[path];
    if (!file) throw new Error(`${path} is missing`);
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  };
  return { files, text };
}
