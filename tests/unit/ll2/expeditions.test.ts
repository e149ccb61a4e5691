import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { ingestExpeditions } from '../../../shared/ll2/expeditions'

const spec = JSON.parse(fs.readFileSync('tests/fixtures/ll2/openapi-2.3.0.json', 'utf8')) as {
  components: { schemas: Record<string, { required: string[] }> }
}

// One record as LL2 2.1.0 served it (the bundled list's first), trimmed of its image url.
const v210 = {
  id: 2,
  url: 'https://ll.thespacedevs.com/2.1.0/expedition/2/',
  name: 'Skylab 2',
  start: '1973-05-25T13:00:00Z',
  end: '1973-06-22T13:49:48Z',
  spacestation: { id: 6, url: 'https://ll.thespacedevs.com/2.1.0/spacestation/6/', name: 'Skylab' },
}
// The same in 2.3.0 `normal` shape, with every field the spec requires.
const v230 = {
  ...v210,
  url: 'https://ll.thespacedevs.com/2.3.0/expeditions/2/?format=api',
  end: null,
  response_mode: 'normal',
  mission_patches: [],
  spacewalks: [],
}

describe('ingestExpeditions', () => {
  it('normalises 2.1.0 and 2.3.0 records alike, keeping the raw JSON', () => {
    const r = ingestExpeditions([v210, v230])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.map((s) => s.expedition)).toEqual([
      {
        id: 2,
        name: 'Skylab 2',
        stationId: 6,
        stationName: 'Skylab',
        start: Date.parse('1973-05-25T13:00:00Z'),
        end: Date.parse('1973-06-22T13:49:48Z'),
        url: 'https://ll.thespacedevs.com/2.1.0/expedition/2/',
      },
      expect.objectContaining({
        end: null,
        url: 'https://ll.thespacedevs.com/2.3.0/expeditions/2/',
      }),
    ])
    expect(JSON.parse(r.value[1]!.raw)).toEqual(v230)
  })

  it('checks the fields the spec requires of ExpeditionNormal that the app reads', () => {
    const required = spec.components.schemas.ExpeditionNormal!.required
    expect(required).toEqual(expect.arrayContaining(['id', 'name', 'start', 'spacestation']))
  })

  it('rejects the list at the first bad record, naming it and its field', () => {
    const r = ingestExpeditions([v210, { ...v210, id: 7, start: 'sometime in 1978' }])
    expect(r).toEqual({ ok: false, error: 'expedition 1 (id 7): start: not an ISO 8601 date-time' })
  })
})
