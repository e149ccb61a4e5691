/**
 * The one place the theme choice meets the page: which theme 'system' means
 * right now, a hook that follows the system's theme while that is the choice,
 * and the `data-theme` attribute the stylesheets key on. The legend, the bar
 * canvas, the analysis plots and the export dialog all resolve the theme here.
 */
import { useEffect, useSyncExternalStore } from 'react'

import type { ThemeName } from '../../shared/chart/style'
import type { ThemeChoice } from '../../shared/prefs/prefs'
import { useAppStore } from '../state/store'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/** The system's colour-scheme query, or null where there is none (a test's DOM-less run). */
function darkQuery(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null
}

/** The theme a choice stands for now: 'system' follows the operating system's preference. */
export function resolvedTheme(choice: ThemeChoice): ThemeName {
  if (choice !== 'system') return choice
  return darkQuery()?.matches ? 'dark' : 'light'
}

/** Calls `onChange` whenever the system's light/dark preference flips; returns the unsubscribe. */
export function onSystemThemeChange(onChange: () => void): () => void {
  const query = darkQuery()
  query?.addEventListener('change', onChange)
  return () => query?.removeEventListener('change', onChange)
}

/** The theme the page is drawn in, re-rendering when the choice or (under 'system') the system changes. */
export function useResolvedTheme(): ThemeName {
  const choice = useAppStore((s) => s.theme)
  return useSyncExternalStore(onSystemThemeChange, () => resolvedTheme(choice))
}

/** Keeps `data-theme` on the root element in step with the chosen theme. */
export function useApplyTheme(choice: ThemeChoice): void {
  useEffect(() => {
    const root = document.documentElement
    if (choice === 'system') root.removeAttribute('data-theme')
    else root.setAttribute('data-theme', choice)
  }, [choice])
}
