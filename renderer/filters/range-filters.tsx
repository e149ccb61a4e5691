import { useEffect, useId, useState } from 'react'

import type { DockingBounds } from '../../shared/query/query'
import { DAY_MS, durationMs, utcMillis } from '../../shared/domain/units'
import { useAppStore } from '../state/store'

// datetime-local has no time zone; the app reads and writes it as UTC, and says so.
const toInputValue = (t: number | null): string =>
  t === null ? '' : new Date(t).toISOString().slice(0, 16)
const fromInputValue = (value: string): number | null => {
  if (value === '') return null
  const t = Date.parse(`${value}:00Z`)
  return Number.isFinite(t) ? t : null
}

/**
 * A text-like input that keeps what the user is typing until it is valid.
 *
 * Controlled inputs reset half-typed dates and numbers to the store's value;
 * this one commits only complete values and follows the store when it changes
 * elsewhere (a chip removed, a view opened).
 */
function useDraft(stored: string, commit: (draft: string) => boolean) {
  const [draft, setDraft] = useState(stored)
  useEffect(() => setDraft(stored), [stored])
  return {
    value: draft,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value)
      commit(e.target.value)
    },
  }
}

function BoundRow({
  label,
  value,
  inclusive,
  words,
  onChange,
}: {
  readonly label: string
  readonly value: number | null
  readonly inclusive: boolean
  readonly words: readonly [exclusive: string, inclusive: string]
  readonly onChange: (value: number | null, inclusive: boolean) => void
}) {
  const id = useId()
  const draft = useDraft(toInputValue(value), (text) => {
    const t = fromInputValue(text)
    if (text !== '' && t === null) return false
    onChange(t, inclusive)
    return true
  })
  return (
    <div className="range-row">
      <label htmlFor={id}>{label}</label>
      <select
        aria-label={`${label}: bound`}
        value={inclusive ? 'inclusive' : 'exclusive'}
        onChange={(e) => onChange(value, e.target.value === 'inclusive')}
      >
        <option value="inclusive">{words[1]}</option>
        <option value="exclusive">{words[0]}</option>
      </select>
      <input id={id} type="datetime-local" step={60} {...draft} />
    </div>
  )
}

/**
 * Docking date range: LL2's `docking__gt/gte/lt/lte`, one lower and one upper bound.
 *
 * "On or after" is `gte`, "after" is `gt`; "on or before" is `lte`, "before" is `lt`.
 */
export function DockingRange() {
  const docking = useAppStore((s) => s.filters.docking)
  const setFilters = useAppStore((s) => s.setFilters)
  const set = (next: Partial<DockingBounds>) =>
    setFilters((f) => ({ ...f, docking: { ...f.docking, ...next } }))
  const from = docking.gte ?? docking.gt
  const to = docking.lte ?? docking.lt
  return (
    <fieldset className="filter-group" data-testid="filter-docking">
      <legend className="filter-heading">Docking date (UTC)</legend>
      <BoundRow
        label="From"
        value={from}
        inclusive={docking.gt === null}
        words={['after', 'on or after']}
        onChange={(t, inclusive) =>
          set({
            gte: inclusive && t !== null ? utcMillis(t) : null,
            gt: !inclusive && t !== null ? utcMillis(t) : null,
          })
        }
      />
      <BoundRow
        label="To"
        value={to}
        inclusive={docking.lt === null}
        words={['before', 'on or before']}
        onChange={(t, inclusive) =>
          set({
            lte: inclusive && t !== null ? utcMillis(t) : null,
            lt: !inclusive && t !== null ? utcMillis(t) : null,
          })
        }
      />
    </fieldset>
  )
}

function DaysInput({
  label,
  value,
  onChange,
}: {
  readonly label: string
  readonly value: number | null
  readonly onChange: (ms: number | null) => void
}) {
  const id = useId()
  const draft = useDraft(
    value === null ? '' : String(Math.round((value / DAY_MS) * 1000) / 1000),
    (text) => {
      if (text.trim() === '') {
        onChange(null)
        return true
      }
      const days = Number(text)
      if (!Number.isFinite(days) || days < 0) return false
      onChange(Math.round(days * DAY_MS))
      return true
    },
  )
  return (
    <div className="range-row">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={0} step="any" inputMode="decimal" {...draft} />
      <span className="unit">days</span>
    </div>
  )
}

/** Minimum and maximum stay, in days; a vehicle still docked counts its stay so far. */
export function StayRange() {
  const minStay = useAppStore((s) => s.filters.minStay)
  const maxStay = useAppStore((s) => s.filters.maxStay)
  const setFilters = useAppStore((s) => s.setFilters)
  const isInverted = minStay !== null && maxStay !== null && minStay > maxStay
  return (
    <fieldset className="filter-group" data-testid="filter-stay">
      <legend className="filter-heading">Stay</legend>
      <DaysInput
        label="At least"
        value={minStay}
        onChange={(ms) =>
          setFilters((f) => ({ ...f, minStay: ms === null ? null : durationMs(ms) }))
        }
      />
      <DaysInput
        label="At most"
        value={maxStay}
        onChange={(ms) =>
          setFilters((f) => ({ ...f, maxStay: ms === null ? null : durationMs(ms) }))
        }
      />
      <p className="filter-hint">
        {isInverted
          ? 'The minimum is longer than the maximum: no docking can match.'
          : 'A vehicle still docked counts its stay up to now.'}
      </p>
    </fieldset>
  )
}
