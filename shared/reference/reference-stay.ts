/**
 * Reference records: independent compilations (NASA RP-1357 and mission
 * chronologies) of who docked where and when, kept beside the LL2 data and
 * never mixed into it. A sync never touches them and the chart never draws
 * them as bars; they exist to check LL2 against.
 */
import type { TimePrecision } from '../domain/model'
import type { ReferenceId, UtcMillis } from '../domain/units'

/** A time as a reference record states it, with how precisely it is known. */
export interface ReferenceTime {
  readonly at: UtcMillis
  readonly precision: TimePrecision
}

/** One reference file: a set of records compiled together. */
export interface ReferenceSet {
  /** The file's name without `.json`, e.g. `salyut-6-7-docking-events`. */
  readonly id: string
  /** The stations it covers, in words, e.g. "Salyut 6, Salyut 7". */
  readonly title: string
  /** The file's own sentence on where its records come from. */
  readonly source: string
  readonly count: number
}

/** One vehicle at one port of a station, from docking to departure, as a reference states it. */
export interface ReferenceStay {
  readonly id: ReferenceId
  /** The `ReferenceSet.id` it belongs to. */
  readonly setId: string
  readonly vehicle: string
  readonly stationName: string
  readonly portName: string
  readonly docking: ReferenceTime
  /**
   * Null when the record gives none: a module that stayed until the
   * station's end, or a departure the compilers could not find.
   */
  readonly departure: ReferenceTime | null
  /** `docking`, `relocation` or `redocking`, as the record says. */
  readonly eventType: string | null
  /** How the port is known: `stated`, `inferred`, `…_initial_port_only`. */
  readonly portBasis: string | null
  /** Where the record rests: pages and addresses, as given. */
  readonly sources: ReadonlyArray<string>
  readonly notes: string | null
}

/** Every reference set the app ships, and their records. */
export interface ReferenceData {
  readonly sets: ReadonlyArray<ReferenceSet>
  readonly stays: ReadonlyArray<ReferenceStay>
}

/** No reference at all (none shipped, or none could be read). */
export const NO_REFERENCE: ReferenceData = { sets: [], stays: [] }

/** True when the record says its port was inferred rather than stated by a source. */
export function isPortInferred(stay: ReferenceStay): boolean {
  return stay.portBasis?.startsWith('inferred') ?? false
}
