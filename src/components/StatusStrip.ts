/** The bottom line on every screen: when the content was last confirmed, and an offline badge. */
import { Lightning } from '@lightningjs/sdk'
import type { FeedStatus } from '../feed/repository'
import { formatUpdated } from '../i18n/format'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { palette, safeArea, type } from '../theme/tokens'
import { textPatch } from './text'

export interface StatusStripTemplateSpec extends Lightning.Component.TemplateSpec {
  Updated: object
  Offline: { Icon: object; Label: object }
}

export class StatusStrip
  extends Lightning.Component<StatusStripTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<StatusStripTemplateSpec>
{
  static override _template(): Lightning.Component.Template<StatusStripTemplateSpec> {
    return {
      x: safeArea.x,
      y: safeArea.y + safeArea.h - 50,
      Updated: { x: safeArea.w, mountX: 1 },
      Offline: {
        visible: false,
        h: 52,
        rect: true,
        color: palette.badge,
        Icon: { x: 10, y: 6, w: 40, h: 40, color: palette.badgeText },
        Label: { x: 60, y: 4 },
      },
    }
  }

  show(status: FeedStatus, now: number): void {
    const updated = status.phase === 'loading' ? t('status.loading') : formatUpdated(status.lastUpdated, now)
    this.tag('Updated')?.patch({ text: textPatch(updated, { size: type.hint, color: palette.textMuted }) })
    const offline = !status.online
    // "Showing saved content" only when there is saved content on screen.
    const label = status.phase === 'ready' ? `${t('status.offlineBadge')}：${t('status.offline')}` : t('status.offlineBadge')
    this.tag('Offline')?.patch({
      visible: offline,
      w: 80 + label.length * type.hint,
      Icon: { texture: iconTexture('offline') },
      Label: { text: textPatch(label, { size: type.hint, color: palette.badgeText }) },
    })
  }
}
