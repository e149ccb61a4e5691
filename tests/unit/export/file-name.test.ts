import { describe, expect, it } from 'vitest'

import {
  exportFileName,
  fileNameProblem,
  slug,
  withExtension,
} from '../../../shared/export/file-name'
import { utcMillis } from '../../../shared/domain/units'

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

describe('file names the app saves under', () => {
  it('refuses names Windows or any file system would misread', () => {
    const refused = [
      '',
      '.',
      '..',
      'CON',
      'con.csv',
      'Nul.txt.csv',
      'COM1.svg',
      'lpt9.pdf',
      'AUX .csv',
      'file.csv:stream',
      'a<b.csv',
      'a|b.csv',
      'a?.csv',
      'a*.csv',
      'a"b.csv',
      'dir/file.csv',
      'dir\\file.csv',
      'tab\there.csv',
      'trailing.',
      'trailing ',
      'x'.repeat(201),
    ]
    for (const name of refused) expect(fileNameProblem(name), JSON.stringify(name)).not.toBeNull()
  })

  it('accepts the names the app suggests and ordinary ones', () => {
    const name = exportFileName({
      stations: ['Salyut 6'],
      range: null,
      exportedAt: at,
      extension: 'csv',
    })
    for (const ok of [name, 'console.csv', 'com10.csv', 'Soyuz T-5 (1982).pdf', '.hidden.json'])
      expect(fileNameProblem(ok), ok).toBeNull()
  })

  it('adds the format’s extension when it is missing, in any case', () => {
    expect(withExtension('/tmp/timeline', 'pdf')).toBe('/tmp/timeline.pdf')
    expect(withExtension('/tmp/timeline.svg', 'pdf')).toBe('/tmp/timeline.svg.pdf')
    expect(withExtension('/tmp/TIMELINE.PDF', 'pdf')).toBe('/tmp/TIMELINE.PDF')
  })
})
