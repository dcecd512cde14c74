/**
 * Every route in one table. Data reaches pages here, in route hooks; pages never fetch, parse or
 * touch storage. Deep links (for the operator portal's one-key shortcuts): #notices, #notices/{id},
 * #guides, #guides/{id}, #progress, #hotlines, #about, #alerts/{id}, #collections/{id}; #assist and
 * #assist/{guideId} where the box offers call-back requests (settings' assistApiUrl).
 */
import { Accessibility, type Router } from '@lightningjs/sdk'
import { savePreferences } from './config/preferences'
import { createAssistService, type AssistService } from './feed/assist'
import { createAssistThrottle } from './feed/assistThrottle'
import { browserHintStorage } from './feed/indexHint'
import { lookupProgress } from './feed/progress'
import { speechSupported } from './readAloud'
import { About } from './screens/About'
import { AlertDetail } from './screens/AlertDetail'
import { AssistGuides } from './screens/AssistGuides'
import { AssistRequest } from './screens/AssistRequest'
import { CollectionList } from './screens/CollectionList'
import { GuideDetail } from './screens/GuideDetail'
import { Guides } from './screens/Guides'
import { Home } from './screens/Home'
import { Hotlines } from './screens/Hotlines'
import { ErrorPage, NotFound } from './screens/MessagePage'
import { NoticeDetail } from './screens/NoticeDetail'
import { Notices } from './screens/Notices'
import { Progress } from './screens/Progress'
import { services } from './services'
import { setLargeText } from './theme/scale'

type PageClass<P> = new (...args: never[]) => P

/** One typed cast, here, instead of one per hook: the Router hands hooks the page it created. */
function route<P>(
  path: string,
  component: PageClass<P>,
  on?: (page: P, params: Record<string, string>) => Promise<void>,
): Router.RouteDefinition {
  const definition = { path, component, ...(on ? { on } : {}) }
  return definition as unknown as Router.RouteDefinition
}

/** Gives a feed-aware page the current index; App keeps it up to date afterwards. */
async function feed(page: { onFeed: Home['onFeed'] }): Promise<void> {
  const { repository, now } = services()
  page.onFeed(repository.index(), repository.status(), now())
}

/** Flips a remembered preference and applies it at once. */
function togglePreference(name: 'largeText' | 'readAloud'): boolean {
  const { preferences } = services()
  preferences[name] = !preferences[name]
  savePreferences(preferences)
  setLargeText(preferences.largeText)
  Accessibility.Announcer.enabled = preferences.readAloud
  return preferences[name]
}

// ---- 请工作人员联系我 (call-back requests): offered only where settings name the service ----------------

/** Whether this box offers a section: a feature whose service settings do not name is not there at all. */
function offers(section: string): boolean {
  return section !== 'assist' || services().settings.assistApiUrl !== undefined
}

let assistService: AssistService | undefined

/** One per session: the throttle's flags (guide id and time, never the phone) live in localStorage. */
function assist(): AssistService {
  const { settings, now } = services()
  assistService ??= createAssistService({
    assistApiUrl: settings.assistApiUrl ?? '',
    regionCode: settings.regionCode,
    timeoutMs: settings.requestTimeoutMs,
    throttle: createAssistThrottle(browserHintStorage()),
    now,
  })
  return assistService
}

function assistRoutes(): Router.RouteDefinition[] {
  if (!offers('assist')) return []
  const form = route('assist/:id', AssistRequest, async (page, { id }) => {
    const guideId = id ?? ''
    page.guideId = guideId
    page.sentAt = assist().sentAt(guideId)
    page.send = (fields) => assist().send(guideId, fields)
    await feed(page)
  })
  return [
    route('assist', AssistGuides, feed),
    // The form is never kept in the Router's history: Back from anything after it skips it, and no state of it is stored.
    { ...form, options: { preventStorage: true } } as Router.RouteDefinition,
  ]
}

export function routes(): Router.Config {
  return {
    root: 'home',
    routes: [
      route('home', Home, async (page) => {
        page.offers = offers
        await feed(page)
      }),
      route('notices', Notices, async (page) => {
        const { repository } = services()
        page.onNearby = (ids) => repository.prefetch('notice', ids)
        await feed(page)
      }),
      route('notices/:id', NoticeDetail, async (page, { id }) => {
        const { repository, settings } = services()
        page.show(await repository.notice(id ?? ''), { hosts: settings.imageHosts, httpHosts: settings.imageHttpHosts })
      }),
      route('guides', Guides, async (page) => {
        const { repository } = services()
        page.onNearby = (ids) => repository.prefetch('guide', ids)
        await feed(page)
      }),
      route('guides/:id', GuideDetail, async (page, { id }) => {
        page.assistOffered = offers('assist')
        page.show(await services().repository.guide(id ?? ''))
      }),
      route('progress', Progress, async (page) => {
        const { settings } = services()
        page.lookup = (applicationNo, code) =>
          lookupProgress(settings.progressApiUrl, applicationNo, code, { timeoutMs: settings.requestTimeoutMs })
      }),
      route('hotlines', Hotlines, feed),
      route('alerts/:id', AlertDetail, async (page, { id }) => {
        page.alertId = id ?? ''
        await feed(page)
      }),
      route('collections/:id', CollectionList, async (page, { id }) => {
        page.collectionId = id ?? ''
        await feed(page)
      }),
      route('about', About, async (page) => {
        const { settings, cache, preferences, version, renderer } = services()
        page.onToggle = togglePreference
        page.setInfo({
          version,
          regionCode: settings.regionCode,
          feedUrl: settings.feedBaseUrl,
          storage: cache.diagnostics(),
          largeText: preferences.largeText,
          readAloud: preferences.readAloud,
          speechSupported: speechSupported(),
          renderer,
        })
        await feed(page)
      }),
      ...assistRoutes(),
      route('*', NotFound),
      route('!', ErrorPage),
    ],
  }
}
