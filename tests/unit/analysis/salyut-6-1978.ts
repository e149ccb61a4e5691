import type { DockingEvent } from '../../../shared/domain/model'
import { makeEvent } from '../query/make-event'

/**
 * Salyut 6, 1978 to 1980, as the analysis measures see it: Soyuz 31 relocates
 * aft → forward after a day (two dockings, one visit), and three Progress
 * freighters come and go. Ids 1 to 5; a test adds what else it needs.
 */
export function salyut6Dockings(): DockingEvent[] {
  return [
    makeEvent({
      id: 1,
      vehicle: 'Soyuz 31',
      port: [2, 'aft'],
      docking: '1978-08-27',
      departure: '1978-09-07',
    }),
    makeEvent({
      id: 2,
      vehicle: 'Soyuz 31',
      port: [1, 'forward'],
      docking: '1978-09-08',
      departure: '1978-11-02',
    }),
    makeEvent({ id: 3, vehicle: 'Progress 1', docking: '1978-01-20', departure: '1978-02-07' }),
    makeEvent({ id: 4, vehicle: 'Progress 2', docking: '1978-07-09', departure: '1978-08-02' }),
    makeEvent({ id: 5, vehicle: 'Progress 9', docking: '1980-04-29', departure: '1980-05-20' }),
  ]
}
