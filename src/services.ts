/**
 * What index.ts builds before the app starts, handed to routes and the App.
 * Screens receive data from route hooks; they never reach in here for I/O.
 */
import type { Preferences } from './config/preferences'
import type { Settings } from './config/settings'
import type { FeedCache } from './feed/cache'
import type { HttpClient } from './feed/http'
import type { FeedRepository } from './feed/repository'
import type { LocalFeeds } from './feed/localFeeds'
import type { MyPlace } from './config/myPlace'
import type { RendererChoice } from './platform/renderer'

export interface Services {
  settings: Settings
  repository: FeedRepository
  /** 村务公开: the household's township and village feeds (localFeeds.ts), following `place`. */
  localFeeds: LocalFeeds
  /** The household's place (选择我的村), loaded at boot; routes change it through saveMyPlace. */
  place: MyPlace | undefined
  http: HttpClient
  cache: FeedCache
  preferences: Preferences
  version: string
  /** The renderer chosen at boot and why (关于本机 shows it). */
  renderer: RendererChoice
  now: () => number
}

let current: Services | undefined

export function provideServices(services: Services): void {
  current = services
}

export function services(): Services {
  if (!current) throw new Error('services() called before provideServices()')
  return current
}
