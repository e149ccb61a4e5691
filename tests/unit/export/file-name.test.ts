import { describe, expect, it } from 'vitest'

import { exportFileName, slug } from '../../../shared/export/file-name'
import { utcMillis } from '../../../shared/units'

const at = utcMillis(Date.parse('2025-06-01T12:00:00Z'))

describe('export file names', () => {
  it('names the station, the range and the export date', () => {
    expect(
      exportFileName({
        stations: ['Salyut 6'],
        range: {
          start: utcMillis(Date.parse('1977-09-29T00:00:00Z')),
          end: utcMillis(Date.parse('1982-07-29T00:00:00Z')),
        },
        exportedAt: at,
        extension: 'svg',
      }),
    ).toBe('docking-timeline_salyut-6_1977-09-29_to_1982-07-29_2025-06-01.svg')
  })

  it('says all stations or how many when there are many', () => {
    expect(exportFileName({ stations: [], range: null, exportedAt: at, extension: 'csv' })).toBe(
      'docking-timeline_all-stations_2025-06-01.csv',
    )
    expect(
      exportFileName({
        stations: ['A', 'B', 'C', 'D'],
        range: null,
        exportedAt: at,
        extension: 'json',
      }),
    ).toBe('docking-timeline_4-stations_2025-06-01.json')
  })

  it('keeps only characters every file system accepts', () => {
    expect(slug('Tiangong / 天宫 "Space Station"')).toBe('tiangong-space-station')
    expect(slug('Mir: Kvant-1 (aft)')).toBe('mir-kvant-1-aft')
  })
})
