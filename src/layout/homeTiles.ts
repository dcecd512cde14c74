/**
 * The sections on Home, left to right: one large tile each (an icon above its label). Plain data, so
 * the e2e journeys walk the same row the screen draws.
 */
import type { StringKey } from '../i18n/strings'
import type { IconName } from '../theme/icons'

export interface HomeTile {
  route: string
  label: StringKey
  icon: IconName
}

export const HOME_TILES: readonly HomeTile[] = [
  { route: 'notices', label: 'home.notices', icon: 'notice' },
  { route: 'guides', label: 'home.guides', icon: 'guide' },
  { route: 'videos', label: 'home.videos', icon: 'video' },
  { route: 'faq', label: 'home.faq', icon: 'faq' },
  { route: 'progress', label: 'home.progress', icon: 'progress' },
  // 请工作人员联系我: only where settings name the service (routes.ts `offers`).
  { route: 'assist', label: 'home.assist', icon: 'assist' },
  { route: 'hotlines', label: 'home.hotlines', icon: 'hotline' },
  // Last, as the least asked-for; it keeps its place at the end as sections are added.
  { route: 'about', label: 'home.about', icon: 'about' },
]
