import { useMemo } from 'react'

import type { PlaceNames } from '../../shared/query/describe'
import { useAppStore } from '../state/store'

/** Station and port names for putting the filters into words ("Salyut-6 aft (Salyut 6)"). */
export function usePlaceNames(): PlaceNames {
  const data = useAppStore((s) => s.data)
  return useMemo<PlaceNames>(() => {
    const stations = new Map(data?.stations.map((s) => [s.id as number, s.name]))
    const ports = new Map(
      data?.ports.map((p) => [
        p.id as number,
        `${p.name} (${stations.get(p.stationId) ?? `station ${p.stationId}`})`,
      ]),
    )
    return { stationName: (id) => stations.get(id), portName: (id) => ports.get(id) }
  }, [data])
}
