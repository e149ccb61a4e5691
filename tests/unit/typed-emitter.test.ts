import { describe, expect, it } from 'vitest'

import { TypedEmitter } from '../../renderer/timeline/vis/typed-emitter'

interface Events {
  select: number | null
  'window-change': { start: number; end: number }
}

describe('TypedEmitter', () => {
  it('hands each payload to the listeners of that event only, in the order they were added', () => {
    const e = new TypedEmitter<Events>()
    const heard: string[] = []
    e.on('select', (id) => heard.push(`a:${id}`))
    e.on('select', (id) => heard.push(`b:${id}`))
    e.on('window-change', (w) => heard.push(`w:${w.start}-${w.end}`))
    e.emit('select', 7)
    e.emit('window-change', { start: 1, end: 2 })
    e.emit('select', null)
    expect(heard).toEqual(['a:7', 'b:7', 'w:1-2', 'a:null', 'b:null'])
  })

  it('stops calling a listener once it is removed, and every listener once cleared', () => {
    const e = new TypedEmitter<Events>()
    const heard: Array<number | null> = []
    const off = e.on('select', (id) => heard.push(id))
    e.on('select', (id) => heard.push(id === null ? null : -id))
    e.emit('select', 1)
    off()
    e.emit('select', 2)
    e.clear()
    e.emit('select', 3)
    expect(heard).toEqual([1, -1, -2])
  })
})
