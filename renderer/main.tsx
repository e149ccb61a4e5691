import './styles/app.css'
import './styles/workspace.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app'
import { api } from './api'
import { systemClock } from './state/clock'
import { LabelRuler } from './timeline/canvas/label-ruler'
import { labelFont } from './timeline/canvas/palette'
import { AppStoreProvider, createAppStore } from './state/store'
import { watchDataReady } from './timeline/perf-marks'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
// The chart's labels take the page's font, as the bar layer reads it (palette.ts); read once, on
// the first fit, when the styles have loaded.
let measure: ((text: string) => number) | null = null
const store = createAppStore({
  api: api(),
  clock: systemClock,
  measureLabel: (text) =>
    (measure ??= new LabelRuler().measurer(labelFont(document.documentElement)))(text),
})
watchDataReady(store)
// A change made just before the window closes must not wait out the save delay and be lost.
window.addEventListener('pagehide', () => store.getState().flushPrefs())
createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
)
