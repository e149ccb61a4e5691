/**
 * A docking with no departure whose port a later docking used, as the
 * bundled LL2 data has it: Soyuz MS-17 docked at the ISS's Rassvet nadir on
 * 2020-10-14 with no departure; Soyuz MS-18 docked at the same port on
 * 2021-04-09. MS-17's stay must have ended by then.
 */
import { utcMillis } from '../../../shared/domain/units'
import { makeEvent } from './make-event'

export const ISS = [4, 'International Space Station'] as const
export const RASSVET_NADIR = [9, 'Rassvet nadir'] as const

export const SOYUZ_MS_17 = makeEvent({
  id: 241,
  station: ISS,
  port: RASSVET_NADIR,
  vehicle: 'Soyuz MS-17',
  docking: '2020-10-14T08:48:00Z',
  departure: null,
})

export const SOYUZ_MS_18 = makeEvent({
  id: 280,
  station: ISS,
  port: RASSVET_NADIR,
  vehicle: 'Soyuz MS-18',
  docking: '2021-04-09T11:05:00Z',
  departure: '2021-10-17T01:14:00Z',
})

/** Where MS-17's stay ends: MS-18's docking. */
export const MS_18_DOCKS = utcMillis(Date.parse('2021-04-09T11:05:00Z'))

/**
 * A docking with no departure its station's record no longer lists: Cargo
 * Dragon C211 is not among the ISS's dockings in the record captured on
 * 2026-07-24, which lists Soyuz MS-29 (docked 2026-07-14).
 */
export const CARGO_DRAGON_C211 = makeEvent({
  id: 628,
  station: ISS,
  port: [19, 'Harmony forward'],
  vehicle: 'Cargo Dragon C211',
  docking: '2025-08-25T11:05:00Z',
})

export const SOYUZ_MS_29 = makeEvent({
  id: 642,
  station: ISS,
  port: [22, 'Prichal nadir'],
  vehicle: 'Soyuz MS-29',
  docking: '2026-07-14T17:52:00Z',
})
