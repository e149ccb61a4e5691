import { describe, expect, it } from 'vitest'

import { PaintOutbox } from '../../../renderer/timeline/canvas/paint-outbox'

/** An outbox whose sends are written down in order, as the worker would receive them. */
function outbox() {
  const sent: string[] = []
  const box = new PaintOutbox<string, string>(
    (frame) => sent.push(`frame ${frame}`),
    (read) => sent.push(`read ${read}`),
  )
  return { box, sent }
}

describe('the paint worker outbox', () => {
  it('sends a frame at once when none is being painted', () => {
    const { box, sent } = outbox()
    box.frame('a')
    expect(sent).toEqual(['frame a'])
  })

  it('holds frames while one is painted, and sends only the newest when it is done', () => {
    const { box, sent } = outbox()
    box.frame('a')
    box.frame('b')
    box.frame('c')
    expect(sent).toEqual(['frame a'])
    expect(box.painted()).toBe('a')
    expect(sent).toEqual(['frame a', 'frame c'])
    expect(box.painted()).toBe('c')
    // Nothing waits: the next frame goes straight out.
    box.frame('d')
    expect(sent).toEqual(['frame a', 'frame c', 'frame d'])
  })

  it('sends a pixel read behind the frame waiting, so it reads the newest frame', () => {
    const { box, sent } = outbox()
    box.frame('a')
    box.read('1')
    // Only the frame in flight is ahead of the read: it goes now.
    expect(sent).toEqual(['frame a', 'read 1'])
    box.frame('b')
    box.read('2')
    box.read('3')
    expect(sent).toEqual(['frame a', 'read 1'])
    box.painted()
    expect(sent).toEqual(['frame a', 'read 1', 'frame b', 'read 2', 'read 3'])
  })
})
