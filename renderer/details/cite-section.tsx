import { useEffect, useState } from 'react'

import { citation } from '../../shared/domain/citation'
import type { DockingEvent } from '../../shared/domain/model'
import type { EffectiveEnd } from '../../shared/occupancy/effective-end'
import { DAY_MS, utcMillis } from '../../shared/domain/units'
import { ActionStatus, type ActionOutcome } from '../components/action-status'
import { useAppStore, useAppStoreApi } from '../state/store'

/**
 * The selected record as a footnote a historian can paste: shown as text
 * (selectable, so it copies by hand too) with a button that puts it on the
 * clipboard through main, as a sandboxed page may not.
 */
export function CiteSection({
  event,
  end,
}: {
  readonly event: DockingEvent
  readonly end: EffectiveEnd
}) {
  const appStore = useAppStoreApi()
  const version = useAppStore((s) => s.appInfo?.version ?? 'unknown version')
  // The day it is read; the store's clock ticks each minute, so midnight moves it.
  const today = useAppStore((s) => Math.floor(s.now / DAY_MS))
  const text = citation(event, end, { appVersion: version, now: utcMillis(today * DAY_MS) })
  const [said, setSaid] = useState<ActionOutcome | null>(null)
  useEffect(() => setSaid(null), [text])
  const copy = async () => {
    const r = await appStore.api.copyText({ text })
    setSaid(
      r.ok
        ? { ok: true, text: 'Copied to the clipboard.' }
        : { ok: false, text: `Not copied: ${r.error.message}` },
    )
  }
  return (
    <section className="detail-cite" aria-labelledby="cite-title" data-testid="detail-cite">
      <h3 id="cite-title">Cite this record</h3>
      <p className="citation">{text}</p>
      <button type="button" className="header-button" onClick={() => void copy()}>
        Copy citation
      </button>{' '}
      <ActionStatus outcome={said} />
    </section>
  )
}
