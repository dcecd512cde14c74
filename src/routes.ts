/**
 * Every route in one table. Data reaches pages here, in route hooks; pages never fetch, parse or
 * touch storage. Deep links (for the operator portal's one-key shortcuts): #notices, #notices/{id},
 * #guides, #guides/{id}, #progress, #hotlines, #about, #alerts/{id}, #collections/{id}, #videos, #videos/{id}, #polls/{id},
 * #faq, #faq/{topic}, #faq/entry/{id}; #assist and #assist/{guideId} where the box offers call-back requests
 * (settings' assistApiUrl).
 */
import { Accessibility, Router } from '@lightningjs/sdk'
import { savePreferences } from './config/preferences'
import { placeLabel, saveMyPlace } from './config/myPlace'
import { t } from './i18n/strings'
import { MyPlacePage } from './screens/MyPlace'
import { createResumeStore } from './config/resumePositions'
import { browserHintStorage } from './feed/indexHint'
import { createPollMemory, pollActions, type PollMemory } from './feed/polls'
import { createAssistService, type AssistService } from './feed/assist'
import { createAssistThrottle } from './feed/assistThrottle'
import { lookupProgress } from './feed/progress'
import { relatedVideo } from './feed/selectors'
import { withLocalNotices } from './feed/localFeeds'
import type { FeedIndex } from './feed/schema'
import { loadSubtitles } from './feed/subtitles'
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
import { Faq } from './screens/Faq'
import { FaqEntry } from './screens/FaqEntry'
import { ErrorPage, NotFound } from './screens/MessagePage'
import { NoticeDetail } from './screens/NoticeDetail'
import { Notices } from './screens/Notices'
import { Player } from './screens/Player'
import { PollPage } from './screens/PollPage'
import { Progress } from './screens/Progress'
import { Videos } from './screens/Videos'
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

/**
 * The index screens are given: the county's, with the household's township and village notices merged into
 * its notices (村务公开, localFeeds.ts), each labelled with its place.
 */
export function shownIndex(): FeedIndex | undefined {
  const { repository, localFeeds, now } = services()
  const county = repository.index()
  if (!county) return undefined
  const locals = localFeeds.indexes()
  // Merging sorts every notice: done again only when one of the indexes changed.
  const same =
    shown.county === county && shown.locals.length === locals.length && locals.every((l, i) => shown.locals[i] === l.index)
  if (!same) shown = { county, locals: locals.map((l) => l.index), value: withLocalNotices(county, locals, now()) }
  return shown.value
}

let shown: { county: FeedIndex | undefined; locals: FeedIndex[]; value: FeedIndex | undefined } = { county: undefined, locals: [], value: undefined }

/** 我的村：汾市镇 石门村, or 未选择. */
function placeLine(): string {
  const { place } = services()
  return place ? t('place.line', { place: placeLabel(place) }) : t('place.unset')
}

/** 关于本机's line on the local feeds: received, loading, unreadable (county only) or no feed of its own. */
function placeStatus(): string {
  const { localFeeds } = services()
  const { place, sources } = localFeeds.status()
  if (!place) return t('place.status.none')
  const parts = sources.map((src) => t(`place.state.${src.state}`, { place: src.place.name }))
  return t('place.status', { sources: parts.join('，') })
}

/** Gives a feed-aware page the current index; App keeps it up to date afterwards. */
async function feed(page: { onFeed: Home['onFeed'] }): Promise<void> {
  const { repository, now } = services()
  page.onFeed(shownIndex(), repository.status(), now())
}

/** Polls (issue 13): one memory of answered polls for the whole session, made when first needed. */
let pollMemory: PollMemory | undefined

/** The poll page's live functions, or undefined when the operator set no pollApiUrl (no polls at all). */
function pollPageActions(): PollPage['actions'] {
  const { settings, http } = services()
  if (!settings.pollApiUrl) return undefined
  pollMemory ??= createPollMemory(browserHintStorage())
  return pollActions({ pollApiUrl: settings.pollApiUrl, http, memory: pollMemory, timeoutMs: settings.requestTimeoutMs })
}

/** Flips a remembered preference and applies it at once. */
function togglePreference(name: 'largeText' | 'readAloud' | 'subtitles'): boolean {
  const { preferences } = services()
  preferences[name] = !preferences[name]
  savePreferences(preferences)
  setLargeText(preferences.largeText)
  Accessibility.Announcer.enabled = preferences.readAloud
  return preferences[name]
}

/** 常见问题 (issue 12): the list page gets the repository's loaders, then opens a topic or 全部. */
async function faq(page: Faq, topic: string | undefined): Promise<void> {
  const { repository } = services()
  page.loadTopic = (id) => repository.faqTopic(id)
  page.loadSearch = () => repository.faqSearch()
  page.onNearby = (ids) => repository.prefetch('faq', ids)
  await feed(page)
  await page.open(topic)
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
        page.pollsEnabled = Boolean(services().settings.pollApiUrl)
        page.offers = offers
        const { place } = services()
        page.placeLine = place ? t('place.line', { place: placeLabel(place) }) : t('place.unsetHint')
        await feed(page)
      }),
      route('notices', Notices, async (page) => {
        const { repository } = services()
        page.onNearby = (ids) => repository.prefetch('notice', ids)
        await feed(page)
      }),
      route('notices/:id', NoticeDetail, async (page, { id }) => {
        const { repository, settings } = services()
        page.offerVideo(relatedVideo(repository.index(), 'notice', id ?? ''))
        page.show(await repository.notice(id ?? ''), { hosts: settings.imageHosts, httpHosts: settings.imageHttpHosts })
      }),
      // 村务公开: a township's or village's notice, from its own region folder and cache.
      route('places/:code/notices/:id', NoticeDetail, async (page, { code, id }) => {
        const { localFeeds, settings } = services()
        page.show(await localFeeds.notice(code ?? '', id ?? ''), { hosts: settings.imageHosts, httpHosts: settings.imageHttpHosts })
      }),
      route('myplace', MyPlacePage, async (page) => {
        const { repository, place } = services()
        page.setChoices(repository.index()?.townships ?? [], place)
        page.onChoose = (chosen) => {
          const s = services()
          saveMyPlace(chosen)
          s.place = chosen
          s.localFeeds.follow(chosen, s.repository.index())
          Router.navigate('home')
        }
      }),
      route('guides', Guides, async (page) => {
        const { repository } = services()
        page.onNearby = (ids) => repository.prefetch('guide', ids)
        await feed(page)
      }),
      route('guides/:id', GuideDetail, async (page, { id }) => {
        const { repository } = services()
        page.assistOffered = offers('assist')
        page.offerVideo(relatedVideo(repository.index(), 'guide', id ?? ''))
        page.show(await repository.guide(id ?? ''))
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
      route('polls/:id', PollPage, async (page, { id }) => {
        page.pollId = id ?? ''
        page.actions = pollPageActions()
        await feed(page)
      }),
      route('faq', Faq, (page) => faq(page, undefined)),
      route('faq/entry/:id', FaqEntry, async (page, { id }) => {
        const { repository, settings } = services()
        page.show(await repository.faqEntry(id ?? ''), { hosts: settings.imageHosts, httpHosts: settings.imageHttpHosts })
      }),
      route('faq/:topic', Faq, (page, { topic }) => faq(page, topic)),
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
          placeLine: placeLine(),
          placeStatus: placeStatus(),
        })
        page.onChangePlace = () => Router.navigate('myplace')
        await feed(page)
      }),
      // 政策解读: the list, and one video (found in the index once there is one).
      route('videos', Videos, feed),
      route('videos/:id', Player, async (page, { id }) => {
        const { settings, http, preferences } = services()
        page.prepare(
          {
            positions: createResumeStore(),
            subtitlesOn: preferences.subtitles,
            toggleSubtitles: () => togglePreference('subtitles'),
            loadSubtitles: (url) => loadSubtitles(http, url),
            imageHosts: settings.imageHosts,
            imageHttpHosts: settings.imageHttpHosts,
            resolution: settings.resolution,
          },
          id ?? '',
        )
        await feed(page)
      }),
      ...assistRoutes(),
      route('*', NotFound),
      route('!', ErrorPage),
    ],
  }
}
