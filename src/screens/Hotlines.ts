/** 便民热线: every hotline with its hours, 12345 first. */
import { Lightning } from '@lightningjs/sdk'
import { FocusList } from '../components/FocusList'
import { HotlineRow } from '../components/HotlineRow'
import { ScreenHeader } from '../components/ScreenHeader'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex, Hotline } from '../feed/schema'
import { orderHotlines } from '../feed/selectors'
import { t } from '../i18n/strings'
import { safeArea } from '../theme/tokens'
import type { PageTypeConfig } from './page'

/** Shown when the feed has no hotlines (or none could be loaded): 12345 always works. */
function fallback(): Hotline[] {
  return [{ name: t('hotlines.fallbackName'), phone: '12345', hours: t('hotlines.fallbackHours') }]
}

export interface HotlinesTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  List: typeof FocusList
}

export class Hotlines
  extends Lightning.Component<HotlinesTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<HotlinesTemplateSpec>
{
  static override _template(): Lightning.Component.Template<HotlinesTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      List: { type: FocusList, x: safeArea.x - 6, y: 180, w: safeArea.w + 12, h: HotlineRow.height * 5 },
    }
  }

  private get list(): FocusList {
    return this.tag('List') as FocusList
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('hotlines.title'), 'hotline')
    this.list.configure(HotlineRow, HotlineRow.height)
  }

  onFeed(index: FeedIndex | undefined, _status: FeedStatus): void {
    const hotlines = index && index.hotlines.length > 0 ? orderHotlines(index.hotlines) : fallback()
    this.list.setItems(hotlines, this.list.index)
  }

  override _getFocused(): Lightning.Component {
    return this.list
  }
}
