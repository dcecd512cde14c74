/**
 * 预约帮办 from Home: the guides tagged 帮代办 or 上门办, as 办事指南 lists them (categories, square rows,
 * focus a tint); OK opens the call-back form for the chosen guide.
 */
import { GuideRow } from '../components/GuideRow'
import { assistGuides } from '../feed/assist'
import type { GuideSummary } from '../feed/schema'
import { CategorizedList, type ListScreenConfig } from './CategorizedList'

export class AssistGuides extends CategorizedList<GuideSummary> {
  protected readonly config: ListScreenConfig<GuideSummary> = {
    title: 'assist.title',
    icon: 'assist',
    allLabel: 'guides.all',
    emptyLabel: 'assist.empty',
    countLabel: 'guides.count',
    row: GuideRow,
    rowHeight: GuideRow.height,
    detailPath: (guide) => `assist/${guide.id}`,
    itemsOf: (index) => assistGuides(index),
  }
}
