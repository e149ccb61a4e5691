import type { TimePrecision } from '../../../shared/domain/model'
import { referenceId, utcMillis } from '../../../shared/domain/units'
import type { ReferenceData, ReferenceStay } from '../../../shared/reference/reference-stay'

/** What a test says about a reference stay; the rest is filled in plausibly. */
export interface StaySpec {
  readonly id: number
  readonly vehicle: string
  readonly station?: string
  readonly port?: string
  readonly docking: string
  readonly dockingPrecision?: TimePrecision
  readonly departure?: string | null
  readonly departurePrecision?: TimePrecision
  readonly portBasis?: string
  readonly setId?: string
}

/** A ReferenceStay as the reference file reader would make it. */
export function makeStay(spec: StaySpec): ReferenceStay {
  return {
    id: referenceId(spec.id),
    setId: spec.setId ?? 'salyut-6-7-docking-events',
    vehicle: spec.vehicle,
    stationName: spec.station ?? 'Salyut 6',
    portName: spec.port ?? 'Salyut-6 aft',
    docking: {
      at: utcMillis(Date.parse(spec.docking)),
      precision: spec.dockingPrecision ?? 'minute',
    },
    departure:
      spec.departure === undefined || spec.departure === null
        ? null
        : {
            at: utcMillis(Date.parse(spec.departure)),
            precision: spec.departurePrecision ?? 'minute',
          },
    eventType: 'docking',
    portBasis: spec.portBasis ?? 'stated',
    sources: [`https://example.org/source-${spec.id}`],
    notes: null,
  }
}

/** Reference data of one set, the Salyut 6 compilation, holding `stays`. */
export const referenceOf = (...stays: ReferenceStay[]): ReferenceData => ({
  sets: [{ id: 'salyut-6-7-docking-events', title: 'Salyut 6', source: '', count: stays.length }],
  stays,
})
