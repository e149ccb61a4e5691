/**
 * The chart's hover tooltip for bars, strips and overlap hatches drawn on the
 * canvas. Built from text nodes only: API strings never pass through HTML,
 * so there is nothing for a sanitiser to miss.
 */
import type { TooltipContent } from './tooltip-text'

/** Distance from the pointer to the tooltip, px. */
const OFFSET = 14

/** Creates the (hidden) tooltip element inside `host`. */
export function createTooltip(host: HTMLElement): HTMLDivElement {
  const el = document.createElement('div')
  el.className = 'chart-tooltip'
  el.setAttribute('role', 'tooltip')
  el.hidden = true
  host.appendChild(el)
  return el
}

/** Fills the tooltip with `content`. */
export function setTooltipContent(el: HTMLElement, content: TooltipContent): void {
  const title = document.createElement('strong')
  title.textContent = content.title
  const table = document.createElement('table')
  for (const [k, v] of content.lines) {
    const tr = table.insertRow()
    const th = document.createElement('th')
    th.textContent = k
    tr.appendChild(th)
    tr.insertCell().textContent = v
  }
  const parts: Node[] = [title, table]
  if (content.note) {
    const p = document.createElement('p')
    p.textContent = content.note
    parts.push(p)
  }
  el.replaceChildren(...parts)
}

/**
 * Places the tooltip beside the pointer (client px), flipped to stay inside
 * the host's box.
 */
export function placeTooltip(el: HTMLElement, host: HTMLElement, x: number, y: number): void {
  el.hidden = false
  const box = host.getBoundingClientRect()
  const w = el.offsetWidth
  const h = el.offsetHeight
  let left = x - box.left + OFFSET
  let top = y - box.top + OFFSET
  if (left + w > box.width) left = Math.max(0, x - box.left - OFFSET - w)
  if (top + h > box.height) top = Math.max(0, y - box.top - OFFSET - h)
  el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`
}
