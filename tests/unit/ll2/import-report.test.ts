import { describe, expect, it } from 'vitest'

import type { StoredEvent } from '../../../shared/cache/docking-cache'
import {
  describeApiVersions,
  describeImport,
  planImport,
  type ImportReport,
} from '../../../shared/ll2/import-report'
import { importRecordsOf, jsonDepth } from '../../../shared/ll2/import-input'
import { makeEvent } from '../query/make-event'

const stored = (id: number, raw: string): StoredEvent => ({
  event: makeEvent({ id, docking: '1982-05-14T19:36:00Z' }),
  raw,
})

const report = (over: Partial<ImportReport>): ImportReport => ({
  fileName: 'f.json',
  records: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  unplaced: [],
  stations: 0,
  ports: 0,
  apiVersions: [],
  ...over,
})

describe('planImport', () => {
  it('adds new ids, writes changed records and leaves identical ones alone', () => {
    const cache = new Map([
      [1, '{"id":1}'],
      [2, '{"id":2}'],
    ])
    const plan = planImport(
      [stored(1, '{"id":1}'), stored(2, '{"id":2,"x":1}'), stored(3, '{"id":3}')],
      (id) => cache.get(id) ?? null,
    )
    expect([plan.added, plan.updated, plan.unchanged]).toEqual([1, 1, 1])
    expect(plan.writes.map((w) => w.event.id)).toEqual([2, 3])
  })

  it('counts an id given twice once, as its last record', () => {
    const plan = planImport([stored(5, 'a'), stored(5, 'b')], () => 'b')
    expect([plan.added, plan.updated, plan.unchanged, plan.writes.length]).toEqual([0, 0, 1, 0])
  })
})

describe('describeImport', () => {
  it('says one unplaced record in the singular and several in the plural', () => {
    const one = report({
      added: 2,
      unplaced: [{ reason: 'no-port', count: 1, examples: [] }],
    })
    expect(describeImport(one)).toBe(
      'Imported f.json: 2 added, 0 updated, 0 unchanged, 0 removed. 1 record could not be placed and was not stored: 1 without a known port.',
    )
    const two = report({ unplaced: [{ reason: 'no-docking-time', count: 2, examples: [] }] })
    expect(describeImport(two)).toContain(
      '2 records could not be placed and were not stored: 2 without a docking time.',
    )
  })

  it('names the LL2 versions in order, and records in no LL2 shape', () => {
    expect(
      describeApiVersions([
        { version: '2.3.0', count: 9 },
        { version: null, count: 1 },
        { version: '2.1.0', count: 242 },
      ]),
    ).toBe('242 LL2 2.1.0, 9 LL2 2.3.0, 1 not in an LL2 shape')
  })
})

describe('importRecordsOf', () => {
  it('takes a list response, a plain list or one record', () => {
    const r = { id: 1, docking: null }
    expect(importRecordsOf(JSON.stringify({ count: 1, next: null, results: [r] }), 'f')).toEqual([
      r,
    ])
    expect(importRecordsOf(JSON.stringify([r, r]), 'f')).toHaveLength(2)
    expect(importRecordsOf(JSON.stringify(r), 'f')).toEqual([r])
  })

  it('counts nesting without counting brackets inside strings', () => {
    expect(jsonDepth('[{"a": "[[[[\\"]]"}]')).toBe(2)
  })
})
