import { describe, expect, it } from 'vitest'

import { familyOf, roleOf } from '../../shared/domain/vehicle-family'

describe('familyOf and roleOf', () => {
  it.each([
    ['Soyuz MS', 'Soyuz MS-25', 'Soyuz', 'crew'],
    ['Progress MS', 'Progress MS-27', 'Progress', 'cargo'],
    ['Cargo Dragon', 'CRS-30 Dragon', 'Dragon', 'cargo'],
    ['Crew Dragon', 'Crew Dragon Endeavour', 'Dragon', 'crew'],
    ['Cygnus', 'S.S. Sally Ride', 'Cygnus', 'cargo'],
    ['H-II Transfer Vehicle', 'Kounotori 9', 'HTV', 'cargo'],
    ['Automated Transfer Vehicle', 'Jules Verne', 'ATV', 'cargo'],
    ['Space Shuttle', 'Atlantis', 'Shuttle', 'crew'],
    ['CST-100 Starliner', 'Calypso', 'Starliner', 'crew'],
    ['Shenzhou', 'Shenzhou 18', 'Shenzhou', 'crew'],
    ['Tianzhou', 'Tianzhou 7', 'Tianzhou', 'cargo'],
    ['Apollo CSM', 'Skylab 2', 'Apollo', 'crew'],
    // LL2's own configuration name for Skylab's three visitors (the bundled records 4 to 6).
    ['Apollo Command/Service Module', 'Apollo CSM-116', 'Apollo', 'crew'],
    [null, 'Nauka Multipurpose Laboratory Module', 'Other', 'module'],
    [null, 'Zvezda Service Module', 'Other', 'module'],
    ['TKS', 'Cosmos 1267', 'TKS/Cosmos', 'module'],
    [null, 'Mystery craft', 'Other', 'other'],
  ] as const)('%s / %s is %s, %s', (config, vehicle, family, role) => {
    expect(familyOf(config, vehicle)).toBe(family)
    expect(roleOf(null, config, vehicle)).toBe(role)
  })

  it("lets LL2's definite configuration type win, but not the ambiguous 'Capsule'", () => {
    expect(roleOf('Cargo', 'Dragon 2', 'CRS-21')).toBe('cargo')
    expect(roleOf('Capsule', 'Progress', 'Progress 1')).toBe('cargo')
    expect(roleOf('Capsule', 'Soyuz', 'Soyuz 26')).toBe('crew')
  })
})
