/**
 * The root component: router, global keys (Back, Home, the exit question), the status strip, and the
 * bridge that tells the active page when the feed changed.
 */
import { Accessibility, Lightning, Router } from '@lightningjs/sdk'
import { firstContentDrawn } from './firstContent'
import { ExitDialog } from './components/ExitDialog'
import { PageNumberBox } from './components/PageNumberBox'
import { pageDirectory } from './feed/selectors'
import { digitForKeyCode } from './layout/remoteDigits'
import {
  deletePageDigit,
  idleEntry,
  PAGE_ENTRY_IDLE_MS,
  PAGE_UNKNOWN_SHOWN_MS,
  settlePageEntry,
  typePageDigit,
  type PageEntry,
} from './layout/pageNumberEntry'
import { StatusStrip } from './components/StatusStrip'
import { t } from './i18n/strings'
import { useSpeechLanguage } from './readAloud'
import { routes, shownIndex } from './routes'
import { services } from './services'
import { palette, type } from './theme/tokens'
import { textPatch } from './components/text'
import { loadQrEncoder } from './layout/qrLoader'
import type { FeedIndex } from './feed/schema'
import type { FeedStatus } from './feed/repository'

/** A page that wants to redraw when the index changes. */
interface FeedAwarePage {
  onFeed(index: FeedIndex | undefined, status: FeedStatus, now: number): void
}

function isFeedAware(page: unknown): page is FeedAwarePage {
  return typeof (page as Partial<FeedAwarePage> | null)?.onFeed === 'function'
}

export interface AppTemplateSpec extends Router.App.TemplateSpec {
  BrandStripe: object
  StatusStrip: typeof StatusStrip
  PageNumber: typeof PageNumberBox
  Exit: typeof ExitDialog
}

const { Announcer } = Accessibility

export class App extends Router.App<AppTemplateSpec> {
  private firstContentMarked = false
  private exitOpen = false
  private pageEntry: PageEntry = idleEntry
  private pageTimer: ReturnType<typeof setTimeout> | undefined
  private directory: { of: FeedIndex | undefined; pages: Map<string, string> } = { of: undefined, pages: new Map() }

  static override _template(): Lightning.Component.Template<AppTemplateSpec> {
    return {
      ...super._template(),
      // No full-screen background rectangle: the stage's clear colour is the background (src/index.ts).
      // The operator's accent colour, as a stripe along the top of every screen.
      BrandStripe: { w: 1920, h: 10, rect: true, color: palette.accent, zIndex: 60 },
      Loading: {
        rect: true,
        w: 1920,
        h: 1080,
        color: palette.background,
        visible: false,
        zIndex: 99,
        Label: { mount: 0.5, x: 960, y: 540, text: textPatch(t('status.loading'), { size: type.heading }) },
      },
      StatusStrip: { type: StatusStrip, zIndex: 50 },
      PageNumber: { type: PageNumberBox, zIndex: 90 },
      Exit: { type: ExitDialog, zIndex: 100, visible: false },
    }
  }

  override _setup(): void {
    const { repository, settings, preferences } = services()
    // The template was compiled before settings were read: the operator's accent is applied here.
    this.tag('BrandStripe')?.patch({ color: palette.accent })
    Announcer.enabled = preferences.readAloud
    useSpeechLanguage(settings.language)
    Router.startRouter(routes(), this)
    repository.subscribe((status) => this.onFeedStatus(status))
    // 村务公开: the local feeds follow the place against the county index; their news redraws the page too.
    services().localFeeds.subscribe(() => this.onFeedStatus(services().repository.status()))
    ;(this.tag('Exit') as ExitDialog).onAnswer = (leave) => this.answerExit(leave)
    this.onFeedStatus(repository.status())
  }

  private onFeedStatus(status: FeedStatus): void {
    const { repository, localFeeds, place, now } = services()
    localFeeds.follow(place, repository.index())
    ;(this.tag('StatusStrip') as StatusStrip).show(status, now())
    const page = Router.getActivePage()
    if (isFeedAware(page)) page.onFeed(shownIndex(), status, now())
    if (!this.firstContentMarked && repository.index()) {
      this.firstContentMarked = true
      // Marked on the frame after the content was patched in: that is when it is on screen.
      this.stage.once('frameEnd', firstContentDrawn)
      // Detail pages' QR encoder, fetched once the box is idle after its first screen: off the start
      // path, yet on the box before a network outage could keep it away.
      setTimeout(() => void loadQrEncoder().catch(() => undefined), 2000)
    }
  }

  override _focusChange(): void {
    Announcer.onFocusChange(this.application.focusPath)
  }

  /** Back with an empty history: from a deep link go Home; on Home ask before leaving. */
  override _handleAppClose(): void {
    if (Router.getActiveHash() !== 'home') {
      Router.navigate('home', false)
      return
    }
    this.exitOpen = true
    const exit = this.tag('Exit') as ExitDialog
    exit.open()
    this._refocus()
  }

  private answerExit(leave: boolean): void {
    this.exitOpen = false
    ;(this.tag('Exit') as ExitDialog).close()
    this._refocus()
    if (!leave) return
    const portal = services().settings.portalUrl
    if (portal) window.location.href = portal
    else (this.application as unknown as { closeApp(): void }).closeApp()
  }

  /** The remote's Home key (where a box has one) always returns to the channel's Home. */
  _handleHome(): void {
    if (!this.exitOpen) Router.navigate('home')
  }

  /**
   * Digits no page took (the progress keypad and FAQ search take theirs) are a page number from the
   * monthly leaflet: three of them open that page from anywhere.
   */
  override _handleKey(event: KeyboardEvent): boolean {
    const digit = digitForKeyCode(event.keyCode)
    if (digit === undefined || this.exitOpen) return false
    const now = Date.now()
    this.showPageEntry(typePageDigit(settlePageEntry(this.pageEntry, now), digit, now, this.pageNumbers()))
    return true
  }

  /** Back while a page number is half typed takes a digit away instead of leaving the screen. */
  override _captureBack(): boolean {
    const now = Date.now()
    const entry = settlePageEntry(this.pageEntry, now)
    if (entry.state !== 'typing') return false
    this.showPageEntry(deletePageDigit(entry, now))
    return true
  }

  private pageNumbers(): Map<string, string> {
    const index = services().repository.index()
    if (this.directory.of !== index) this.directory = { of: index, pages: index ? pageDirectory(index) : new Map() }
    return this.directory.pages
  }

  private showPageEntry(entry: PageEntry): void {
    if (this.pageTimer !== undefined) clearTimeout(this.pageTimer)
    this.pageTimer = undefined
    this.pageEntry = entry.state === 'found' ? idleEntry : entry
    const said = (this.tag('PageNumber') as PageNumberBox).show(this.pageEntry)
    if (said) Announcer.speak(said)
    if (entry.state === 'found') Router.navigate(entry.route)
    if (entry.state === 'typing' || entry.state === 'unknown') {
      // The box clears itself: a half-typed number is forgotten, "no such page" goes away.
      const wait = entry.state === 'typing' ? PAGE_ENTRY_IDLE_MS : PAGE_UNKNOWN_SHOWN_MS
      this.pageTimer = setTimeout(() => this.showPageEntry(settlePageEntry(this.pageEntry, Date.now())), wait)
    }
  }

  /** While the exit question is open it has the remote; otherwise the Router's active page does. */
  override _getFocused(): Lightning.Component | null | undefined {
    return this.exitOpen ? (this.tag('Exit') as ExitDialog) : super._getFocused()
  }
}
