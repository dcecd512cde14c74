/**
 * The steps of an application, newest first: a dot and a line down the left, then the date, the
 * status in words and the office. The newest step is marked "▶" (not only by colour).
 */
import { Lightning } from '@lightningjs/sdk'
import type { Progress } from '../feed/schema'
import { formatDate } from '../i18n/format'
import { t } from '../i18n/strings'
import { palette, type } from '../theme/tokens'
import { textPatch } from './text'

export interface TimelineTemplateSpec extends Lightning.Component.TemplateSpec {
  Steps: object
}

const STEP_H = 110

export class Timeline
  extends Lightning.Component<TimelineTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TimelineTemplateSpec>
{
  static override _template(): Lightning.Component.Template<TimelineTemplateSpec> {
    return { Steps: {} }
  }

  static readonly stepHeight = STEP_H

  /** Draws the newest `maxSteps` steps. */
  show(steps: Progress['steps'], maxSteps: number): void {
    const host = this.tag('Steps')
    if (!host) return
    host.childList.clear()
    const newestFirst = steps
      .slice()
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
      .slice(0, maxSteps)
    newestFirst.forEach((step, i) => {
      const first = i === 0
      const line = `${first ? '▶ ' : ''}${formatDate(step.at)}　${t(`status.${step.status}`)}　${step.office}`
      host.childList.add(
        this.stage.c({
          ref: `Step${i}`,
          y: i * STEP_H,
          Dot: { x: 0, y: 14, w: 24, h: 24, rect: true, color: first ? palette.focus : palette.textMuted },
          Line: { x: 10, y: 38, w: 4, h: STEP_H - 24, rect: true, color: palette.textMuted, visible: i < newestFirst.length - 1 },
          Text: { x: 48, text: textPatch(line, { size: type.body, width: this.w - 48, maxLines: 1, bold: first }) },
          Note: {
            x: 48,
            y: 50,
            visible: step.note !== undefined,
            text: textPatch(step.note ?? '', { size: type.hint, color: palette.textMuted, width: this.w - 48, maxLines: 1 }),
          },
        }),
      )
    })
  }

  clear(): void {
    this.tag('Steps')?.childList.clear()
  }
}
