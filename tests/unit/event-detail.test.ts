import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { summarizeDetail } from '../../shared/domain/event-detail'

const record183: unknown = JSON.parse(
  fs.readFileSync('tests/fixtures/ll2/docking-event-183.detailed.json', 'utf8'),
)

describe('summarizeDetail', () => {
  it('reads launch, landing and mission from the real record 183', () => {
    const s = summarizeDetail(record183)
    expect(s.launchName).toBe('Soyuz-U | Soyuz 26')
    expect(s.launchTime).toBe(Date.parse('1977-12-10T01:18:40Z'))
    expect(s.launchPrecision).toBe('Second')
    expect(s.launchSite).toBe('Baikonur Cosmodrome, Republic of Kazakhstan')
    expect(s.landing).toBe('Kazakhstan · Parachute Landing · successful')
    expect(s.missionName).toBe('Soyuz 26')
    expect(s.missionType).toBe('Human Exploration')
    expect(s.missionEnd).toBe(Date.parse('1978-01-16T11:24:58Z'))
  })

  it('gives nulls, not errors, for missing, null and empty fields', () => {
    for (const raw of [
      null,
      42,
      [],
      {},
      { flight_vehicle_chaser: null },
      { flight_vehicle_chaser: { launch: { name: '', net: 'soon' } } },
    ]) {
      const s = summarizeDetail(raw)
      expect(Object.values(s).every((v) => v === null)).toBe(true)
    }
  })
})
