/**
 * Long text paged to the screen with "第 2/5 页": used by notices and guides. Lines are broken by
 * our own layout (Chinese has no spaces); images are created only when their page is shown, only
 * from allowed hosts, and their placeholder says what they show, so text never waits for pictures.
 */
import { Lightning } from '@lightningjs/sdk'
import { isAllowedImage } from '../feed/imagePolicy'
import type { Block } from '../feed/schema'
import { t } from '../i18n/strings'
import { paginate, type Page, type PageItem } from '../layout/textLayout'
import { scaledSize } from '../theme/scale'
import { fontStack } from '../theme/fonts'
import { palette, type } from '../theme/tokens'
import type { HistoryState } from '../screens/page'
import { textPatch } from './text'

export interface PagedBodyTemplateSpec extends Lightning.Component.TemplateSpec {
  /** One child per page shown so far (Page0, Page1 …), each with its items and its own Indicator. */
  Content: object
}

export interface PagedBodyOptions {
  imageHosts?: readonly string[]
  /** Of imageHosts, those whose images may come over plain http. */
  imageHttpHosts?: readonly string[]
  /** Draws one extra last page (attachments as QR codes). */
  extraPage?: (host: Lightning.Element) => void
}

const IMAGE_HEIGHT = 360
const IMAGE_WIDTH = 640

export class PagedBody
  extends Lightning.Component<PagedBodyTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PagedBodyTemplateSpec>
{
  private pages: Page[] = []
  private pageIndex = 0
  private options: PagedBodyOptions = {}
  /** Called when Up is pressed on the first page, so the page can move focus above the text. */
  onLeaveTop: (() => boolean) | undefined

  static override _template(): Lightning.Component.Template<PagedBodyTemplateSpec> {
    return { Content: {} }
  }

  /** Lays `blocks` out into pages of this element's w×h (the indicator sits below it). */
  setBlocks(blocks: readonly Block[], options: PagedBodyOptions = {}): void {
    this.options = options
    const bodySize = scaledSize(type.body)
    this.pages = paginate(blocks, {
      width: this.w,
      height: this.h,
      bodySize,
      headingSize: scaledSize(type.heading),
      lineHeightRatio: type.lineHeightRatio,
      imageHeight: IMAGE_HEIGHT,
      gap: Math.round(bodySize * 0.6),
    })
    if (options.extraPage) this.pages.push({ items: [] })
    this.tag('Content')?.childList.clear()
    this.goTo(0)
  }

  get pageCount(): number {
    return this.pages.length
  }

  get currentPage(): number {
    return this.pageIndex
  }

  next(): boolean {
    return this.goTo(this.pageIndex + 1)
  }

  previous(): boolean {
    return this.goTo(this.pageIndex - 1)
  }

  /** Paging keys are handled here, so every page that shows a PagedBody just gives it focus. */
  override _handleDown(): boolean {
    this.next()
    return true
  }
  override _handleUp(): boolean {
    if (this.pageIndex === 0 && this.onLeaveTop) return this.onLeaveTop()
    this.previous()
    return true
  }
  override _handleRight(): boolean {
    return this._handleDown()
  }
  override _handleLeft(): boolean {
    this.previous()
    return true
  }
  _handlePageDown(): boolean {
    return this._handleDown()
  }
  _handlePageUp(): boolean {
    return this._handleUp()
  }

  /**
   * The Router history of a page that shows a PagedBody: the page it was on. The Router restores it
   * after the route hook drew the text, so restoring turns to the remembered page.
   */
  override historyState(state: HistoryState): HistoryState {
    if (state) {
      if (typeof state.page === 'number') this.showPage(state.page)
      return undefined
    }
    return { page: this.pageIndex }
  }

  /** Opens page `index` (clamped): history restores use it. */
  showPage(index: number): void {
    this.goTo(Math.max(0, Math.min(index, this.pages.length - 1)))
  }

  /**
   * Shows page `index`. A page is built the first time it is shown and then kept, hidden, with its own
   * "第 2/5 页": turning back to a page only shows it again, so reading back and forth draws no text twice.
   * Lightning frees the textures of hidden pages when texture memory runs short, and draws them again if
   * they are shown after that.
   */
  private goTo(index: number): boolean {
    if (index < 0 || index >= this.pages.length) return false
    this.pageIndex = index
    const host = this.tag('Content')
    if (!host) return true
    const ref = `Page${index}`
    for (const page of host.children) page.visible = page.ref === ref
    if (!host.children.some((page) => page.ref === ref)) host.childList.add(this.buildPage(index, ref))
    return true
  }

  private buildPage(index: number, ref: string): Lightning.Element {
    const page = this.stage.c({ ref }) as Lightning.Element
    const isExtra = this.options.extraPage !== undefined && index === this.pages.length - 1
    if (isExtra) this.options.extraPage?.(page)
    else (this.pages[index] as Page).items.forEach((item, i) => page.childList.add(this.stage.c(this.drawItem(item, i))))
    page.childList.add(
      this.stage.c({
        ref: 'Indicator',
        y: this.h + 24,
        text: textPatch(`${t('notice.page', { page: index + 1, pages: this.pages.length })}　${t('notice.pageHint')}`, {
          size: type.hint,
          color: palette.textMuted,
        }),
      }),
    )
    return page
  }

  private drawItem(item: PageItem, i: number): Lightning.Element.PatchTemplate {
    if (item.kind === 'text') {
      const size = scaledSize(item.style === 'heading' ? type.heading : type.body)
      return {
        ref: `Item${i}`,
        y: item.y,
        text: {
          text: item.text,
          fontSize: size,
          lineHeight: Math.round(size * type.lineHeightRatio),
          fontStyle: item.style === 'heading' ? 'bold' : 'normal',
          textColor: palette.text,
          wordWrap: false,
          fontFace: fontStack(),
        },
      }
    }
    const allowed = isAllowedImage(item.src, this.options.imageHosts ?? [], this.options.imageHttpHosts ?? [])
    const label = t(allowed ? 'notice.imageLoading' : 'notice.imageBlocked', { alt: item.alt })
    return {
      ref: `Item${i}`,
      y: item.y,
      w: IMAGE_WIDTH,
      h: item.h,
      rect: true,
      color: palette.surface,
      Placeholder: { x: 24, y: 24, text: textPatch(label, { size: type.hint, color: palette.textMuted, width: IMAGE_WIDTH - 48, maxLines: 3 }) },
      ...(allowed
        ? { Picture: { w: IMAGE_WIDTH, h: item.h, texture: { type: Lightning.textures.ImageTexture, src: item.src } } }
        : {}),
    }
  }
}
