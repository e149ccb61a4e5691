/**
 * The chart's fill patterns described once, as data: role textures (stripes,
 * crosshatch, dots), the overlap hatch and the ticks of a dense strip.
 *
 * The canvas turns each into a `CanvasPattern` once per theme and the SVG
 * writer into a `<pattern>`, from the same tile, so the screen and the export
 * cannot drift apart (they once drew cargo stripes at right angles).
 */
import { OVERLAP_STYLE, ROLE_STYLES, type RolePattern, type ThemeName } from './style'
import type { VehicleRole } from '../domain/model'
import { VEHICLE_ROLES } from '../domain/vehicle-family'

/** Which pattern a rectangle is filled with. */
export type PatternId = `role-${Exclude<VehicleRole, 'crew'>}` | 'overlap'

/** One shape in a pattern tile, in tile px. */
export type TileShape =
  | {
      readonly kind: 'rect'
      readonly x: number
      readonly y: number
      readonly w: number
      readonly h: number
    }
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number }

/** A repeating tile: shapes in `ink` at `opacity` on a clear `size`×`size` square. */
export interface PatternTile {
  readonly id: PatternId
  readonly size: number
  /** Rotation of the whole tiling, degrees, about the drawing's origin. */
  readonly angle: number
  readonly ink: string
  readonly opacity: number
  readonly shapes: ReadonlyArray<TileShape>
}

/** The tile of a role pattern, or null for a plain fill: white ink over the family colour. */
export function roleTile(role: VehicleRole): PatternTile | null {
  const p: RolePattern = ROLE_STYLES[role].pattern
  const base = { size: p.spacing, ink: '#ffffff', opacity: p.opacity }
  switch (p.kind) {
    case 'solid':
      return null
    case 'stripes':
      return {
        ...base,
        id: `role-${role as Exclude<VehicleRole, 'crew'>}`,
        angle: p.angle,
        shapes: [{ kind: 'rect', x: 0, y: 0, w: p.spacing, h: p.size }],
      }
    case 'crosshatch':
      // One line across the tile and one down it: the tiling is turned to the pattern's angle.
      return {
        ...base,
        id: `role-${role as Exclude<VehicleRole, 'crew'>}`,
        angle: p.angle,
        shapes: [
          { kind: 'rect', x: 0, y: 0, w: p.spacing, h: p.size },
          { kind: 'rect', x: 0, y: p.size, w: p.size, h: p.spacing - p.size },
        ],
      }
    case 'dots':
      return {
        ...base,
        id: `role-${role as Exclude<VehicleRole, 'crew'>}`,
        angle: 0,
        shapes: [{ kind: 'circle', cx: p.spacing / 2, cy: p.spacing / 2, r: p.size / 2 + 0.5 }],
      }
  }
}

/** The hatch over two dockings on one port at once (a data error). */
export function overlapTile(theme: ThemeName): PatternTile {
  return {
    id: 'overlap',
    size: OVERLAP_STYLE.spacing,
    angle: OVERLAP_STYLE.angle,
    ink: OVERLAP_STYLE.colour[theme],
    opacity: 1,
    shapes: [{ kind: 'rect', x: 0, y: 0, w: OVERLAP_STYLE.spacing, h: OVERLAP_STYLE.size }],
  }
}

/** Every pattern the chart uses in a theme. */
export function chartPatterns(theme: ThemeName): ReadonlyArray<PatternTile> {
  const roles = VEHICLE_ROLES.map(roleTile).filter((t): t is PatternTile => t !== null)
  return [...roles, overlapTile(theme)]
}

/** The pattern id a role's bars are filled with, or null for a plain fill. */
export function rolePatternId(role: VehicleRole): PatternId | null {
  return ROLE_STYLES[role].pattern.kind === 'solid'
    ? null
    : `role-${role as Exclude<VehicleRole, 'crew'>}`
}
