import { describe, expect, it } from 'vitest'

import { portSide } from '../../../shared/reference/port-side'

describe('portSide', () => {
  it('reads the side word whatever the module or station in the name', () => {
    expect(portSide('Core aft')).toBe('aft')
    expect(portSide('Salyut-6 aft')).toBe('aft')
    expect(portSide('Forward')).toBe('forward')
    expect(portSide('Salyut-6 forward')).toBe('forward')
    expect(portSide('Mir Core forward')).toBe('forward')
    expect(portSide('Harmony zenith')).toBe('zenith')
    expect(portSide('Pirs nadir')).toBe('nadir')
  })

  it('tells forward from aft', () => {
    expect(portSide('Forward')).not.toBe(portSide('Salyut-6 aft'))
  })

  it('takes module-named ports from the alias table', () => {
    // Kvant-1's only port is its aft one, the station's aft after 1987.
    expect(portSide('Kvant-1')).toBe('aft')
    expect(portSide('Kvant-1 aft')).toBe('aft')
    // The Shuttle's berth: "starboard" in LL2's name is not the station's side.
    expect(portSide('SO starboard')).toBe(portSide('Docking Module (SO)'))
    expect(portSide('SO starboard')).not.toBe('starboard')
    expect(portSide('Kristall module')).toBe(portSide('Kristall axial (APAS-89)'))
  })

  it('does not read "port" in "lateral port" as the port side', () => {
    expect(portSide('Mir lateral port (Kristall)')).not.toBe('port')
  })

  it('knows no side for names that give none', () => {
    expect(portSide('Mir-Progress 27')).toBeNull()
    expect(portSide('Kvant-2')).toBeNull()
    expect(portSide(null)).toBeNull()
  })
})
