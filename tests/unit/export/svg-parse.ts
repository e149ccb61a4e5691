/**
 * A small XML parser for the SVG export's output, so tests read the figure
 * the way an SVG viewer would instead of trusting the renderer's own geometry.
 *
 * Handles what well-formed SVG holds: elements, attributes in single or double
 * quotes, text with entities, comments and the XML declaration. Anything
 * malformed (unclosed or mismatched tags, a raw `<` or `&`) throws.
 */

export interface XmlElement {
  readonly name: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: ReadonlyArray<XmlElement>
  /** Text directly inside this element, entities decoded. */
  readonly text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s)) throw new Error(`bare & in ${s}`)
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? `&${e};`),
  )
}

/** Parses a document and returns its root element. */
export function parseXml(xml: string): XmlElement {
  type Open = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string }
  const stack: Open[] = [{ name: '#document', attrs: {}, children: [], text: '' }]
  const tag =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g
  let m: RegExpExecArray | null
  while ((m = tag.exec(xml)) !== null) {
    const top = stack[stack.length - 1]!
    if (m[6]) throw new Error(`malformed markup at ${m.index}: ${xml.slice(m.index, m.index + 40)}`)
    if (m[5] !== undefined) {
      const text = decode(m[5])
      if (stack.length === 1 && text.trim() !== '') throw new Error('text outside the root')
      top.text += text
    } else if (m[1]) {
      if (m[1] !== top.name) throw new Error(`</${m[1]}> closes <${top.name}>`)
      stack.pop()
      stack[stack.length - 1]!.children.push(top)
    } else if (m[2]) {
      const attrs: Record<string, string> = {}
      for (const a of (m[3] ?? '').matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`)
        attrs[a[1]!] = decode(a[2] ?? a[3] ?? '')
      }
      const el: Open = { name: m[2], attrs, children: [], text: '' }
      if (m[4]) top.children.push(el)
      else stack.push(el)
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`)
  const roots = stack[0]!.children
  if (roots.length !== 1) throw new Error(`expected one root, got ${roots.length}`)
  return roots[0]!
}

/** Every element below (and including) `root`, depth first, in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root]
  for (const c of root.children) out.push(...allElements(c))
  return out
}

/** Elements whose class list holds `cls`. */
export function byClass(root: XmlElement, cls: string): XmlElement[] {
  return allElements(root).filter((e) => (e.attrs.class ?? '').split(/\s+/).includes(cls))
}

/** All text inside an element, its descendants' included. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join('')
}
