import { useEffect, useId, useRef, useState } from 'react'

import {
  BOUND_FORMATS,
  boundsFromText,
  sideText,
  type RangeSide,
} from '../../shared/query/bound-text'
import type { TimeBounds } from '../../shared/query/query'
import { DAY_MS, durationMs } from '../../shared/domain/units'
import { useAppStore } from '../state/store'

/**
 * A text input that keeps what the user is typing until it is valid.
 *
 * Controlled inputs reset half-typed dates and numbers to the store's value;
 * this one commits only complete values, and follows the store only when it
 * changes elsewhere (a chip removed, a view opened): a change it committed
 * itself leaves the text as typed ("1979-6" stays, not "1979-06").
 */
function useDraft(stored: string, commit: (draft: string) => boolean) {
  const [draft, setDraft] = useState(stored)
  const [isValid, setValid] = useState(true)
  const committed = useRef<string | null>(null)
  useEffect(() => {
    if (committed.current === stored) return
    committed.current = null
    setDraft(stored)
    setValid(true)
  }, [stored])
  return {
    isValid,
    input: {
      value: draft,
      'aria-invalid': !isValid,
      onChange: (e: { target: { value: string } }) => {
        setDraft(e.target.value)
        committed.current = null
        const ok = commit(e.target.value)
        setValid(ok)
      },
    },
    markCommitted: (text: string) => {
      committed.current = text
    },
  }
}

function BoundRow({
  label,
  side,
  bounds,
  words,
  onChange,
}: {
  readonly label: string
  readonly side: RangeSide
  readonly bounds: TimeBounds
  readonly words: readonly [exclusive: string, inclusive: string]
  readonly onChange: (next: Partial<TimeBounds>) => void
}) {
  const id = useId()
  const { text, inclusive } = sideText(bounds, side)
  const [isInclusive, setInclusive] = useState(inclusive)
  useEffect(() => setInclusive(inclusive), [inclusive])
  const draft = useDraft(text, (typed) => {
    const next = boundsFromText(side, isInclusive, typed)
    if (next === null) return false
    onChange(next)
    draft.markCommitted(sideText({ ...bounds, ...next }, side).text)
    return true
  })
  return (
    <div className="range-row">
      <label htmlFor={id}>{label}</label>
      <select
        aria-label={`${label}: bound`}
        value={isInclusive ? 'inclusive' : 'exclusive'}
        onChange={(e) => {
          const nowInclusive = e.target.value === 'inclusive'
          setInclusive(nowInclusive)
          const next = boundsFromText(side, nowInclusive, draft.input.value)
          if (next) onChange(next)
        }}
      >
        <option value="inclusive">{words[1]}</option>
        <option value="exclusive">{words[0]}</option>
      </select>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder="YYYY-MM-DD"
        aria-describedby={`${id}-problem`}
        {...draft.input}
      />
      <span id={`${id}-problem`} className={draft.isValid ? 'visually-hidden' : 'field-error'}>
        {draft.isValid ? '' : `Not a date yet: type ${BOUND_FORMATS}.`}
      </span>
    </div>
  )
}

/** A docking or departure range: one lower and one upper bound, each typed as an ISO date. */
function TimeRange({
  field,
  legend,
  testId,
  verb,
  hint,
}: {
  readonly field: 'docking' | 'departure'
  readonly legend: string
  readonly testId: string
  readonly verb: string
  readonly hint: string
}) {
  const bounds = useAppStore((s) => s.filters[field])
  const setFilters = useAppStore((s) => s.setFilters)
  const set = (next: Partial<TimeBounds>) =>
    setFilters((f) => ({ ...f, [field]: { ...f[field], ...next } }))
  return (
    <fieldset className="filter-group" data-testid={testId}>
      <legend className="filter-heading">{legend}</legend>
      <BoundRow
        label={`${verb} from`}
        side="from"
        bounds={bounds}
        words={['after', 'on or after']}
        onChange={set}
      />
      <BoundRow
        label={`${verb} to`}
        side="to"
        bounds={bounds}
        words={['before', 'on or before']}
        onChange={set}
      />
      <p className="filter-hint">{hint}</p>
    </fieldset>
  )
}

/**
 * Docking date range: LL2's `docking__gt/gte/lt/lte`, one lower and one upper bound.
 *
 * "On or after 1979" is `gte` 1979-01-01; "on or before 1979" runs to the end of 1979.
 */
export function DockingRange() {
  return (
    <TimeRange
      field="docking"
      legend="Docking date (UTC)"
      testId="filter-docking"
      verb="Docked"
      hint={`Type ${BOUND_FORMATS}; 1979 means all of 1979.`}
    />
  )
}

/** Departure date range: applied locally (LL2 has no departure filter). */
export function DepartureRange() {
  return (
    <TimeRange
      field="departure"
      legend="Departure date (UTC)"
      testId="filter-departure"
      verb="Departed"
      hint="A vehicle still docked has no departure, so a departure range leaves it out."
    />
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
      <input id={id} type="number" min={0} step="any" inputMode="decimal" {...draft.input} />
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
