/** 办事指南: by category, each guide with its service tags (免证办, 帮代办, 上门办 …) as badges. */
import { GuideRow } from '../components/GuideRow'
import type { GuideSummary } from '../feed/schema'
import { CategorizedList, type ListScreenConfig } from './CategorizedList'

export class Guides extends CategorizedList<GuideSummary> {
  protected readonly config: ListScreenConfig<GuideSummary> = {
    title: 'guides.title',
    icon: 'guide',
    allLabel: 'guides.all',
    emptyLabel: 'guides.empty',
    countLabel: 'guides.count',
    row: GuideRow,
    rowHeight: GuideRow.height,
    detailPath: (guide) => `guides/${guide.id}`,
    itemsOf: (index) => index.guides.slice(),
  }
}
