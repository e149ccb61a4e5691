/**
 * The theme the bar canvas paints in: the user's choice, or the system's,
 * followed while the choice is 'system'.
 */
import type { ThemeName } from '../../../shared/chart/style'
import { onSystemThemeChange, resolvedTheme } from '../../theme/theme'
import type { BarLayer } from '../canvas/bar-layer'

export class CanvasTheme {
  private readonly unsubscribe: () => void

  /** Sets the layer's theme now; it is painted with the layer's next frame. */
  constructor(
    private readonly layer: BarLayer,
    private choice: ThemeName | 'system',
  ) {
    layer.setTheme(resolvedTheme(choice))
    // The system theme may change under a 'system' choice.
    this.unsubscribe = onSystemThemeChange(this.onScheme)
  }

  /** Painted on the next frame, after the app applies the theme to the page. */
  set(choice: ThemeName | 'system'): void {
    this.choice = choice
    this.layer.setTheme(resolvedTheme(choice))
    this.layer.request()
  }

  destroy(): void {
    this.unsubscribe()
  }

  private readonly onScheme = () => {
    this.layer.setTheme(resolvedTheme(this.choice))
    this.layer.request()
  }
}
