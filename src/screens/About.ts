/**
 * 关于本机, for the operator's field engineer and the viewer: version, region, feed URL, last
 * refresh, storage mode (IndexedDB or memory, and why), feed problems; and two switches the viewer
 * keeps: large text (×1.25) and read-aloud.
 */
import { Lightning } from '@lightningjs/sdk'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import type { CacheDiagnostics } from '../feed/cache'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex } from '../feed/schema'
import type { RendererChoice } from '../platform/renderer'
import { formatUpdated } from '../i18n/format'
import { t, type StringKey } from '../i18n/strings'
import { palette, safeArea, type } from '../theme/tokens'
import type { PageTypeConfig } from './page'

export interface AboutInfo {
  version: string
  regionCode: string
  feedUrl: string
  storage: CacheDiagnostics
  largeText: boolean
  readAloud: boolean
  speechSupported: boolean
  renderer: RendererChoice
  /** 村务公开: 我的村：汾市镇 石门村 (or 未选择), a row that opens 选择我的村. */
  placeLine: string
  /** What became of the township's and village's feeds, in words. */
  placeStatus: string
}

export interface AboutTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Facts: object
  Switches: object
}

type SwitchName = 'largeText' | 'readAloud'
const SWITCHES: readonly { name: SwitchName; label: StringKey }[] = [
  { name: 'largeText', label: 'about.largeText' },
  { name: 'readAloud', label: 'about.readAloud' },
]

function rendererKey(choice: RendererChoice): StringKey {
  if (choice.reason === 'forced') return choice.renderer === 'webgl' ? 'about.renderer.forced-webgl' : 'about.renderer.forced-canvas2d'
  return `about.renderer.${choice.reason}`
}

export class About
  extends Lightning.Component<AboutTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<AboutTemplateSpec>
{
  private info: AboutInfo | undefined
  private index: FeedIndex | undefined
  private status: FeedStatus | undefined
  private now = 0
  private focusedSwitch = 0
  /** Set by the route: flips a preference, saves it, returns the new value. */
  onToggle: ((name: SwitchName) => boolean) | undefined
  /** Set by the route: opens 选择我的村 (the first row, focused on entry: 关于本机 tile, OK, OK). */
  onChangePlace: (() => void) | undefined

  /** The row that changes the household's place, then the switches. */
  private get rowCount(): number {
    return SWITCHES.length + 1
  }

  private rowLabel(i: number): string {
    const info = this.info
    if (!info) return ''
    if (i === 0) return t('place.change', { line: info.placeLine })
    const s = SWITCHES[i - 1]
    if (!s) return ''
    let label = t(s.label, { state: t(info[s.name] ? 'about.on' : 'about.off') })
    if (s.name === 'readAloud' && !info.speechSupported) label = `${label}（${t('about.readAloudUnsupported')}）`
    return label
  }

  static override _template(): Lightning.Component.Template<AboutTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Facts: { x: safeArea.x, y: 180 },
      Switches: { x: safeArea.x, y: 640 },
    }
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('about.title'), 'about')
  }

  setInfo(info: AboutInfo): void {
    this.info = info
    this.paint()
  }

  onFeed(index: FeedIndex | undefined, status: FeedStatus, now: number): void {
    this.index = index
    this.status = status
    this.now = now
    this.paint()
  }

  private paint(): void {
    const info = this.info
    if (!info) return
    const storage =
      info.storage.mode === 'indexeddb'
        ? t('about.storage.indexeddb')
        : t('about.storage.memory', { error: info.storage.lastError ?? '—' })
    const lines = [
      t('about.version', { version: info.version }),
      t('about.region', { region: this.index?.region.name ?? '—', code: info.regionCode }),
      t('about.feed', { url: info.feedUrl }),
      t('about.lastRefresh', { time: formatUpdated(this.status?.lastUpdated, this.now) }),
      t('about.storage', { mode: storage }),
      t('about.problems', { count: this.status?.problems.length ?? 0 }),
      t('about.renderer', { mode: t(rendererKey(info.renderer)) }),
      info.placeStatus,
    ]
    this.tag('Facts')?.patch({ text: textPatch(lines.join('\n'), { size: type.body, width: safeArea.w, maxLines: 9 }) })
    this.paintSwitches()
  }

  /** Made once, patched in place: moving the focus changes fills and tints, not textures. */
  private paintSwitches(): void {
    const info = this.info
    const host = this.tag('Switches')
    if (!info || !host) return
    if (host.children.length === 0) {
      for (let i = 0; i < this.rowCount; i++) {
        host.childList.add(this.stage.c({ ref: `Switch${i}`, y: i * 110, w: 1100, h: 96, rect: true, Label: { x: 32, y: 18 } }))
      }
    }
    for (let i = 0; i < this.rowCount; i++) {
      const focused = i === this.focusedSwitch && this.hasFocus()
      const label = this.rowLabel(i)
      host.children[i]?.patch({
        color: focused ? palette.focus : palette.surfaceRaised,
        Label: { color: focused ? palette.focusText : palette.text, text: textPatch(label, { size: type.label, color: 0xffffffff }) },
      })
    }
  }

  get announce(): string {
    return this.rowLabel(this.focusedSwitch)
  }

  override _focus(): void {
    this.paintSwitches()
  }

  override _handleUp(): boolean {
    this.focusedSwitch = Math.max(0, this.focusedSwitch - 1)
    this.paintSwitches()
    return true
  }
  override _handleDown(): boolean {
    this.focusedSwitch = Math.min(this.rowCount - 1, this.focusedSwitch + 1)
    this.paintSwitches()
    return true
  }
  override _handleEnter(): boolean {
    if (this.focusedSwitch === 0) {
      this.onChangePlace?.()
      return true
    }
    const s = SWITCHES[this.focusedSwitch - 1]
    if (!s) return true
    if (!this.info || !this.onToggle) return true
    if (s.name === 'readAloud' && !this.info.speechSupported) return true
    this.info = { ...this.info, [s.name]: this.onToggle(s.name) }
    // Type sizes changed: the header is drawn again at the new size.
    ;(this.tag('Header') as ScreenHeader).show(t('about.title'), 'about')
    this.paint()
    return true
  }
}
