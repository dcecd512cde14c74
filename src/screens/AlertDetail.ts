/**
 * One alert in full, opened with OK from Home: its level in words and colour, title, whole text, when it
 * was issued, until when it holds and who issued it. Feed-aware, so a deep link waits for the index.
 */
import { Lightning } from '@lightningjs/sdk'
import { PagedBody } from '../components/PagedBody'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import type { FeedStatus } from '../feed/repository'
import type { Alert, FeedIndex } from '../feed/schema'
import { activeAlerts } from '../feed/selectors'
import { formatDate, formatTime } from '../i18n/format'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { palette, safeArea, type } from '../theme/tokens'
import type { PageTypeConfig } from './page'

export interface AlertDetailTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Level: { Icon: object; Label: object }
  Title: object
  Body: typeof PagedBody
  Facts: object
  Message: object
}

const LEVEL_W = 420

const when = (value: string): string => `${formatDate(value)} ${formatTime(value)}`

/** The lines under the text: issued, valid until, source (those the feed gives). */
export function alertFacts(alert: Alert): string[] {
  const facts: string[] = []
  if (alert.issuedAt) facts.push(t('alert.issuedAt', { date: when(alert.issuedAt) }))
  facts.push(t('alert.validUntil', { date: when(alert.validUntil) }))
  if (alert.source) facts.push(t('alert.source', { source: alert.source }))
  return facts
}

export class AlertDetail
  extends Lightning.Component<AlertDetailTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<AlertDetailTemplateSpec>
{
  /** Set by the route. */
  alertId = ''
  private shown: Alert | undefined

  static override _template(): Lightning.Component.Template<AlertDetailTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Level: {
        x: safeArea.x,
        y: 160,
        h: 90,
        rect: true,
        visible: false,
        Icon: { x: 20, y: 11, w: 68, h: 68, texture: iconTexture('alert') },
        Label: { x: 108, y: 16 },
      },
      Facts: { x: safeArea.x + LEVEL_W + 40, y: 150 },
      Title: { x: safeArea.x, y: 320 },
      // Paged like a notice: 500 characters in large-text mode take more than one screen.
      Body: { type: PagedBody, x: safeArea.x, y: 410, w: safeArea.w, h: 440 },
      Message: { x: safeArea.x, y: 200, visible: false },
    }
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('alert.info'), 'alert')
  }

  onFeed(index: FeedIndex | undefined, status: FeedStatus, now: number): void {
    const alert = index ? activeAlerts(index, now).find((a) => a.id === this.alertId) : undefined
    this.shown = alert
    const header = this.tag('Header') as ScreenHeader
    for (const ref of ['Level', 'Title', 'Body', 'Facts'] as const) this.tag(ref)?.patch({ visible: Boolean(alert) })
    if (!alert) {
      const message = index ? t('alert.gone') : t(status.phase === 'unavailable' ? 'unavailable.body' : 'status.loading')
      header.show(t('alert.info'), 'alert')
      this.tag('Message')?.patch({
        visible: true,
        text: textPatch(`${message}\n${t('alert.hint')}`, { size: type.body, width: safeArea.w, maxLines: 4 }),
      })
      return
    }
    this.tag('Message')?.patch({ visible: false })
    const level = t(`alert.${alert.level}`)
    const colours = palette.alert[alert.level]
    header.show(level, 'alert')
    const width = safeArea.w
    this.tag('Level')?.patch({
      w: LEVEL_W,
      color: colours.background,
      Icon: { color: colours.text },
      Label: { text: textPatch(level, { size: type.heading, bold: true, color: colours.text }) },
    })
    this.tag('Title')?.patch({ text: textPatch(alert.title, { size: type.heading, bold: true, width, maxLines: 1 }) })
    ;(this.tag('Body') as PagedBody).setBlocks([{ type: 'paragraph', text: alert.text }])
    const factsWidth = width - LEVEL_W - 40
    const facts = alertFacts(alert).map((line) => textPatch(line, { size: type.hint, width: factsWidth, maxLines: 1 }).text)
    this.tag('Facts')?.patch({ text: textPatch(facts.join('\n'), { size: type.hint, color: palette.textMuted }) })
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.shown ? (this.tag('Body') as PagedBody) : undefined
  }

  get announce(): string {
    const a = this.shown
    return a ? `${t(`alert.${a.level}`)}，${a.title}，${a.text}，${alertFacts(a).join('，')}` : t('alert.gone')
  }
}
