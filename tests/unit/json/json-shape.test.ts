import { describe, expect, it } from 'vitest'

import { jsonShapeProblem } from '../../../shared/json/json-shape'

const IPC = { maxDepth: 32, forbidPrototypeKeys: true, allowSharedReferences: false } as const

function nested(depth: number): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

describe('jsonShapeProblem', () => {
  it('passes plain data up to the depth limit', () => {
    expect(jsonShapeProblem({ a: [1, 'x', null, { b: true }] }, IPC)).toBeNull()
    expect(jsonShapeProblem(nested(32), IPC)).toBeNull()
    expect(jsonShapeProblem('text', IPC)).toBeNull()
  })

  it('names where a value nests too deep, without overflowing on a million levels', () => {
    expect(jsonShapeProblem(nested(33), IPC)).toMatch(/nested deeper than 32 levels/)
    expect(jsonShapeProblem(nested(1_000_000), IPC)).toMatch(/nested deeper/)
  })

  it('refuses keys that reach a prototype, wherever they are', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const value = JSON.parse(`{"a": [{"${key}": {"polluted": true}}]}`) as unknown
      expect(jsonShapeProblem(value, IPC)).toBe(`(root).a[0]: the key "${key}" is not allowed`)
      expect(jsonShapeProblem(value, { ...IPC, forbidPrototypeKeys: false })).toBeNull()
    }
  })

  it('refuses cycles, shared references and objects that are not plain data', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(jsonShapeProblem(cycle, IPC)).toMatch(/refers to an object twice/)
    const shared = { x: 1 }
    expect(jsonShapeProblem([shared, shared], IPC)).toMatch(/twice/)
    expect(jsonShapeProblem({ when: new Date(0) }, IPC)).toMatch(/\(root\)\.when: a Date object/)
    expect(jsonShapeProblem(new Map(), IPC)).toMatch(/Map/)
    expect(jsonShapeProblem(Object.create(null) as unknown, IPC)).toBeNull()
  })

  it('walks shared references once where they are allowed, still bounding cycles by depth', () => {
    const shared = { x: 1 }
    const memory = { ...IPC, allowSharedReferences: true }
    expect(jsonShapeProblem([shared, shared], memory)).toBeNull()
    const cycle: unknown[] = []
    cycle.push(cycle)
    expect(jsonShapeProblem(cycle, memory)).toBeNull()
    expect(jsonShapeProblem([nested(40)], memory)).toMatch(/nested deeper/)
  })
})
