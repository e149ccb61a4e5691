/**
 * What a laid-out figure is drawn from and where its parts went: the types
 * `figure-layout.ts` and `shared/export/svg-export.ts` share, kept here so
 * neither imports the other's types.
 */
import type { EventId, PortId, StationId, UtcMillis } from '../domain/units'
import type { ThemeName } from './style'

/** A span of time to draw. */
export interface TimeRange {
  readonly start: UtcMillis
  readonly end: UtcMillis
}

/**
 * What the footer tells a reader about the data: source, query, freshness and
 * the app. Technical provenance (ids, port basis, null fields) stays in the
 * CSV/JSON exports, where analysts read it.
 */
export interface ExportFooter {
  /** Who made the data and the server it came from (`DataInfo.credit`). */
  readonly credit: string
  /** Last sync or snapshot load; null when never synced. */
  readonly dataAsOf: UtcMillis | null
  /** The filters in words (`describeQuery`). */
  readonly filters: string
  /** App version, written next to the export time. */
  readonly appVersion: string
}

/** What the figure's frame (head, axis, legend, footer) is drawn from; all of it plain data. */
export interface FigureInput {
  readonly range: TimeRange
  readonly theme: ThemeName
  /** Optional heading; blank means none. */
  readonly title?: string | null
  readonly footer: ExportFooter
  /** Export time: open bars are "still docked" as of this instant. */
  readonly now: UtcMillis
  /**
   * The range is the data's whole span, no bound the user set: its axis runs
   * on past `range.end`, as the chart's "Fit all" does, until each row's last
   * name fits beside its bar (`label-room.ts`) rather than go to the key.
   */
  readonly roomForNames?: boolean
}

/** Where a row was drawn. */
export interface ExportRowGeometry {
  /** `station`: a header row; `port`: a port's bars; `collapsed`: a station holding all its bars. */
  readonly kind: 'station' | 'port' | 'collapsed'
  readonly stationId: StationId
  readonly portId: PortId | null
  readonly label: string
  readonly top: number
  /** Row height, its key lane included. */
  readonly height: number
  /** Height of the lane under the bars holding key numbers (`figure-key.ts`); 0 for none. */
  readonly keyLane: number
}

/** Where a bar was drawn, in SVG user units. */
export interface ExportBarGeometry {
  readonly eventId: EventId
  readonly portId: PortId
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly isOpen: boolean
  /** True when the bar runs past the range's start or end and was cut at the edge. */
  readonly clippedStart: boolean
  readonly clippedEnd: boolean
}
