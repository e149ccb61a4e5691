/**
 * The theme the bar canvas paints in: the user's choice, or the system's,
 * followed while the choice is 'system'.
 */
import type { ThemeName } from '../../../shared/chart/style'
import type { BarLayer } from '../canvas/bar-layer'

/** The theme the page is drawn in: the user's choice, or the system's. */
function resolvedTheme(choice: ThemeName | 'system'): ThemeName {
  if (choice === 'light' || choice === 'dark') return choice
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light'
}

export class CanvasTheme {
  private readonly scheme: MediaQueryList | null

  /** Sets the layer's theme now; it is painted with the layer's next frame. */
  constructor(
    private readonly layer: BarLayer,
    private choice: ThemeName | 'system',
  ) {
    layer.setTheme(resolvedTheme(choice))
    // The system theme may change under a 'system' choice.
    this.scheme =
      typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
    this.scheme?.addEventListener('change', this.onScheme)
  }

  /** Painted on the next frame, after the app applies the theme to the page. */
  set(choice: ThemeName | 'system'): void {
    this.choice = choice
    this.layer.setTheme(resolvedTheme(choice))
    this.layer.request()
  }

  destroy(): void {
    this.scheme?.removeEventListener('change', this.onScheme)
  }

  private readonly onScheme = () => {
    this.layer.setTheme(resolvedTheme(this.choice))
    this.layer.request()
  }
}
