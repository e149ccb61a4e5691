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
const ruler = new LabelRuler()
const store = createAppStore({
  api: api(),
  clock: systemClock,
  // The chart's labels take the page's font, as the bar layer reads it (palette.ts).
  measureLabel: (text) => ruler.measurer(labelFont(document.documentElement))(text),
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
