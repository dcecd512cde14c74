/** One line of a collection: a notice or a guide, with an icon saying which, its title and source. */
import { Lightning } from '@lightningjs/sdk'
import type { CollectionEntry } from '../feed/selectors'
import { formatDate } from '../i18n/format'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { lineHeightOf } from '../theme/scale'
import { palette, type } from '../theme/tokens'
import type { ListRow } from './FocusList'
import { paintRowFocus, rowCardTemplate, sizeRowCard } from './rowCard'
import { textPatch } from './text'

export interface CollectionRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Icon: object
  Title: object
  Meta: object
}

const PAD = 14
const GAP = 8
// The icon is tinted like the texts, so it stays readable on the yellow focused card.
const ROW_TEXTS = { main: ['Title', 'Icon'], muted: ['Meta'] }

/** The title and the line under it, the same words for the screen and for read-aloud. */
export function collectionEntryLines(entry: CollectionEntry): { title: string; meta: string } {
  if (entry.kind === 'notice') {
    const n = entry.item
    return { title: n.title, meta: `${t('collection.kind.notice')} · ${n.publisher} · ${formatDate(n.publishedAt)}` }
  }
  const g = entry.item
  return { title: g.name, meta: `${t('collection.kind.guide')} · ${g.department}` }
}

export class CollectionRow
  extends Lightning.Component<CollectionRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<CollectionRowTemplateSpec>, ListRow
{
  static get height(): number {
    return Math.max(150, PAD + lineHeightOf(type.label) + GAP + lineHeightOf(type.hint) + PAD)
  }
  private lines: { title: string; meta: string } | undefined

  static override _template(): Lightning.Component.Template<CollectionRowTemplateSpec> {
    return {
      Background: rowCardTemplate(),
      Icon: { x: 26, y: 26, w: 48, h: 48 },
      Title: { x: 92, y: PAD },
      Meta: { x: 92 },
    }
  }

  override _init(): void {
    sizeRowCard(this, CollectionRow.height)
    this.tag('Meta')?.patch({ y: PAD + lineHeightOf(type.label) + GAP })
  }

  setItem(item: unknown): void {
    const entry = item as CollectionEntry
    this.lines = collectionEntryLines(entry)
    const width = this.w - 140
    this.tag('Icon')?.patch({ texture: iconTexture(entry.kind === 'notice' ? 'notice' : 'guide') })
    this.tag('Title')?.patch({ text: textPatch(this.lines.title, { size: type.label, width, maxLines: 1 }) })
    this.tag('Meta')?.patch({ text: textPatch(this.lines.meta, { size: type.hint, width, maxLines: 1, color: palette.textMuted }) })
  }

  get announce(): string {
    return this.lines ? `${this.lines.title}，${this.lines.meta}` : ''
  }

  override _focus(): void {
    paintRowFocus(this, true, ROW_TEXTS)
  }

  override _unfocus(): void {
    paintRowFocus(this, false, ROW_TEXTS)
  }
}
