/**
 * Escaping text for SVG (XML) output.
 *
 * Vehicle, port and station names come from LL2 and user titles; any of them
 * may hold `&` or `<` ("Crew & Cargo"), which would make the file unreadable.
 */

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

// XML 1.0 forbids most C0 controls even as character references, so they are dropped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** Escapes a string for use as XML text or inside a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c)
}

/**
 * Formats a coordinate for SVG: at most two decimals, no trailing zeros.
 *
 * Two decimals are a hundredth of a pixel, far below what a reader or a
 * printer resolves, and keep a 1,000-bar file small.
 */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100)
}
