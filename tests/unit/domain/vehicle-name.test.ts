import { describe, expect, it } from 'vitest'

import { withoutDedication } from '../../../shared/domain/vehicle-name'

describe('withoutDedication', () => {
  it('leaves out a Cygnus ship’s dedication, as LL2 writes it in parentheses or quotes', () => {
    expect(withoutDedication('Cygnus CRS NG-24 (S.S. Steven R. Nagel)')).toBe('Cygnus CRS NG-24')
    expect(withoutDedication('Cygnus CRS NG-20 (S.S. Patricia “Patty” Hilliard Robertson)')).toBe(
      'Cygnus CRS NG-20',
    )
    expect(withoutDedication('Cygnus NG-11 "S.S. Roger Chaffee"')).toBe('Cygnus NG-11')
  })

  it('is null for a name with nothing to leave out, or nothing left', () => {
    expect(withoutDedication('Progress MS-31')).toBeNull()
    expect(withoutDedication('HTV Technical Demonstration Vehicle')).toBeNull()
    // Parentheses inside the name, not at its end, are part of it.
    expect(withoutDedication('Soyuz (TMA) 5 test')).toBeNull()
    expect(withoutDedication('(S.S. Nobody)')).toBeNull()
  })
})
