import type { DockingEvent } from '../../../shared/domain/model'
import { makeEvent } from '../query/make-event'

/**
 * Soyuz 31 as LL2 logs its relocation (ids 189 and 190): aft, then forward
 * 28 minutes after leaving aft, at Salyut 6. One visit with two legs.
 */
export function soyuz31Legs(): readonly [aft: DockingEvent, forward: DockingEvent] {
  const aft = makeEvent({
    id: 189,
    vehicle: 'Soyuz 31',
    configuration: 'Soyuz',
    port: [2, 'aft'],
    docking: '1978-08-27T21:37:00Z',
    departure: '1978-09-07T10:53:00Z',
  })
  const forward = makeEvent({
    id: 190,
    vehicle: 'Soyuz 31',
    configuration: 'Soyuz',
    port: [1, 'forward'],
    docking: '1978-09-07T11:21:00Z',
    departure: '1978-11-02T10:46:00Z',
  })
  return [aft, forward]
}
