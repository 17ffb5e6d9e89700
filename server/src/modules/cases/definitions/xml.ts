/**
 * A guarded XML reader producing a namespace-resolved element tree, and the escaping used when
 * writing. Documents with a DOCTYPE are refused outright (no entities, so no XXE and no entity
 * expansion); size, element count and nesting depth are capped before and during parsing.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** Namespace URI, or '' for none. */
  ns: string;
  local: string;
  /** Attributes keyed `{ns}local`, or `local` for unqualified ones; values decoded. */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside the element, decoded. */
  text: string;
}

export interface XmlLimits {
  maxBytes: number;
  maxElements: number;
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 1024 * 1024, maxElements: 50_000, maxDepth: 32 };

export type XmlReadResult =
  | { ok: true; root: XmlElement }
  | { ok: false; reason: 'too_large' | 'doctype' | 'too_many_elements' | 'too_deep' | 'malformed'; detail: string };

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; nothing else exists here. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/**
 * Escapes text for an attribute value or character data. Whitespace other than a space and
 * characters XML 1.0 does not allow literally are written as character references, so that
 * attribute normalisation cannot change a name.
 */
export function escapeXml(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      cp === 0xfffe ||
      cp === 0xffff
    )
      out += `&#${cp};`;
    else out += ch;
  }
  return out;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = (maxDepth: number) =>
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
    maxNestedTags: maxDepth,
  });

/** Counts start tags (an upper bound on elements, comments and CDATA included) without parsing. */
function countTags(xml: string, max: number): boolean {
  let n = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if (c !== 47 /* / */ && c !== 63 /* ? */ && ++n > max) return false;
  }
  return true;
}

function resolve(node: Ordered, scope: Map<string, string>): XmlElement | string {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const rawAttrs = node[':@'] ?? {};
  let inner = scope;
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      inner.set(k === 'xmlns' ? '' : k.slice(6), decodeEntities(v));
    }
  }
  const split = (qname: string, isAttr: boolean): [string, string] | undefined => {
    const colon = qname.indexOf(':');
    if (colon === -1) return [isAttr ? '' : (inner.get('') ?? ''), qname];
    const prefix = qname.slice(0, colon);
    const ns = prefix === 'xml' ? XML_NS : prefix === 'xmlns' ? XMLNS : inner.get(prefix);
    return ns === undefined ? undefined : [ns, qname.slice(colon + 1)];
  };
  const el = split(name, false);
  if (!el) return `undeclared namespace prefix on <${name}>`;
  const attrs = new Map<string, string>();
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const a = split(k, true);
    if (!a) return `undeclared namespace prefix on attribute ${k}`;
    attrs.set(a[0] ? `{${a[0]}}${a[1]}` : a[1], decodeEntities(v));
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] as Ordered[] | undefined) ?? []) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else if ('#cdata' in child)
      text += ((child['#cdata'] as Ordered[] | undefined) ?? []).map((c) => String(c['#text'] ?? '')).join('');
    else {
      const r = resolve(child, inner);
      if (typeof r === 'string') return r;
      children.push(r);
    }
  }
  return { ns: el[0], local: el[1], attrs, children, text };
}

/** Parses a document under the limits; the root element comes back namespace-resolved. */
export function readXml(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlReadResult {
  if (Buffer.byteLength(xml, 'utf8') > limits.maxBytes)
    return { ok: false, reason: 'too_large', detail: `over ${limits.maxBytes} bytes` };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    return { ok: false, reason: 'doctype', detail: 'DOCTYPE declarations are not accepted' };
  if (!countTags(xml, limits.maxElements))
    return { ok: false, reason: 'too_many_elements', detail: `over ${limits.maxElements} elements` };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: 'malformed', detail: `line ${valid.err.line}: ${valid.err.msg}` };
  let doc: Ordered[];
  try {
    doc = parser(limits.maxDepth).parse(xml) as Ordered[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return /nested/i.test(message)
      ? { ok: false, reason: 'too_deep', detail: `nested deeper than ${limits.maxDepth}` }
      : { ok: false, reason: 'malformed', detail: message };
  }
  const roots = doc.filter((n) => !('#text' in n) && !('#cdata' in n));
  if (roots.length !== 1) return { ok: false, reason: 'malformed', detail: 'a document has exactly one root element' };
  const root = resolve(roots[0]!, new Map());
  return typeof root === 'string' ? { ok: false, reason: 'malformed', detail: root } : { ok: true, root };
}

/** The attribute `local` in namespace `ns` ('' for an unqualified attribute). */
export const attr = (el: XmlElement, ns: string, local: string): string | undefined =>
  el.attrs.get(ns ? `{${ns}}${local}` : local);
