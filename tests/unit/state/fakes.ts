import { afterEach, beforeEach, vi } from 'vitest'

import {
  buildAppApi,
  type AppApi,
  type InvokeChannel,
  type PushChannel,
  type PushChannels,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../../../shared/ipc/contract'
import type { DockingData, DockingEvent } from '../../../shared/domain/model'
import type { EventDetail } from '../../../shared/ipc/contract'
import { utcMillis, type UtcMillis } from '../../../shared/domain/units'
import type { Clock } from '../../../renderer/state/clock'
import { createAppStore, type AppStore } from '../../../renderer/state/store'
import { makeEvent } from '../query/make-event'
import { makePort, makeStation } from '../query/make-place'

/** What a fake main answers on one channel; a channel left out answers an error. */
export type FakeHandlers = {
  [C in InvokeChannel]?: (
    request: RequestOf<C>,
  ) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>
}

/** A fake main: the contract's own AppApi over a table of answers, recording every call. */
export function fakeApi(handlers: FakeHandlers) {
  const calls: Array<{ readonly channel: InvokeChannel; readonly request: unknown }> = []
  const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>()
  const api: AppApi = buildAppApi(
    async (channel, request) => {
      calls.push({ channel, request })
      const handler = handlers[channel] as ((r: unknown) => unknown) | undefined
      return handler
        ? handler(request)
        : { ok: false, error: { code: 'internal', message: `no fake answer for ${channel}` } }
    },
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
  )
  return {
    api,
    calls,
    /** Calls made on one channel, in order. */
    callsTo: (channel: InvokeChannel) => calls.filter((c) => c.channel === channel),
    push<C extends PushChannel>(channel: C, payload: PushChannels[C]) {
      for (const l of listeners.get(channel) ?? []) l(payload)
    },
  }
}

/** A clock the test moves by hand. */
export function fakeClock(start: string) {
  let t = utcMillis(Date.parse(start))
  const clock: Clock = { now: () => t }
  return {
    clock,
    set: (iso: string) => {
      t = utcMillis(Date.parse(iso))
    },
    now: (): UtcMillis => t,
  }
}

/** A value that resolves when the test says, to order answers of a race. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

/** Main's answer for an event's detail: a cached stand-in record. */
export const detailOf = (event: DockingEvent): EventDetail => ({
  event,
  detail: { id: event.id },
  detailFetchedAt: null,
  state: 'cached',
  message: null,
})

/** Two Salyut stations, one port each, and the given events. */
export function dockingData(events: ReadonlyArray<DockingEvent>): DockingData {
  return {
    stations: [makeStation(14, 'Salyut 6'), makeStation(15, 'Salyut 7')],
    ports: [makePort(4, 'Salyut-6 forward', 14), makePort(5, 'Salyut-7 forward', 15)],
    events,
    info: {
      eventCount: events.length,
      stationCount: 2,
      portCount: 2,
      sources: { ll2: events.length },
      provenance: 'test data',
      credit: 'test data',
      ll2Server: null,
      dataAsOf: null,
    },
  }
}

/** Three dockings: two Soyuz at Salyut 6, one Progress at Salyut 7. */
export const SOYUZ_26 = makeEvent({
  id: 1,
  vehicle: 'Soyuz 26',
  configuration: 'Soyuz',
  docking: '1977-12-11T03:02:00Z',
  departure: '1978-01-16T11:00:00Z',
})
export const SOYUZ_27 = makeEvent({
  id: 2,
  vehicle: 'Soyuz 27',
  configuration: 'Soyuz',
  docking: '1978-01-11T14:06:00Z',
  departure: '1978-03-16T11:00:00Z',
})
export const PROGRESS_13 = makeEvent({
  id: 3,
  vehicle: 'Progress 13',
  configuration: 'Progress',
  configurationType: 'Cargo',
  station: [15, 'Salyut 7'],
  port: [5, 'Salyut-7 forward'],
  docking: '1982-05-25T07:57:00Z',
  departure: '1982-06-04T06:31:00Z',
})
export const ALL_EVENTS = [SOYUZ_26, SOYUZ_27, PROGRESS_13]

/** Preferences kept in memory, as main keeps them in the cache. */
export function memoryPrefs(initial: Record<string, unknown> = {}) {
  const stored = new Map<string, unknown>(Object.entries(initial))
  const handlers: FakeHandlers = {
    'dt:prefs:get': ({ key }) => ok((stored.get(key) ?? null) as never),
    'dt:prefs:set': ({ key, value }) => {
      stored.set(key, value)
      return ok(null)
    },
  }
  return { stored, handlers }
}

const opened: AppStore[] = []

/** A bar label's width as the fake store measures it: 7 px a character, a 13 px font's average. */
export const fakeLabelWidth = (text: string): number => 7 * text.length

/** A store over a fake main and a fake clock; `disposeStores` ends them after each test. */
export function storeWith(handlers: FakeHandlers, clockStart = '2026-11-26T00:00:00Z') {
  const main = fakeApi({
    'dt:app:get-info': () => ok({ version: '9.9.9', cacheRecovery: null, snapshotProblem: null }),
    ...handlers,
  })
  const time = fakeClock(clockStart)
  const store = createAppStore({ api: main.api, clock: time.clock, measureLabel: fakeLabelWidth })
  opened.push(store)
  return { store, main, time }
}

/** A store over the three events and preferences kept in memory, `initial` stored at start. */
export function storeWithPrefs(initial: Record<string, unknown> = {}) {
  const prefs = memoryPrefs(initial)
  const made = storeWith({ 'dt:data:get': () => ok(dockingData(ALL_EVENTS)), ...prefs.handlers })
  return { ...made, prefs }
}

/** Disposes every store the test made. */
export function disposeStores(): void {
  for (const s of opened.splice(0)) s.dispose()
}

/** Lets answered promises run their continuations. */
export const settle = () => new Promise((r) => setImmediate(r))

/**
 * Each test of the calling file runs on fake timers (the prefs' write-behind
 * is a timer) and ends with its stores disposed; promises and `setImmediate`
 * stay real, so `settle` still lets answers through.
 */
export function storesOnFakeTimers(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  })
  afterEach(() => {
    disposeStores()
    vi.useRealTimers()
  })
}
