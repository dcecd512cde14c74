/**
 * The operator's branding from settings, merged into the theme: the accent colour of the brand
 * stripe, and the name and logo shown on Home. Text contrast never depends on it: the accent
 * only colours the stripe.
 */
import type { Settings } from '../config/settings'
import { colorFromHex, palette } from './tokens'

export interface Branding {
  name: string
  logo?: string
}

let branding: Branding = { name: '' }

export function applyBranding(operator: Settings['operator']): void {
  if (operator.accentColor) palette.accent = colorFromHex(operator.accentColor)
  branding = { name: operator.name, logo: operator.logo }
}

export function currentBranding(): Branding {
  return branding
}
