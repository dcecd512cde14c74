/**
 * 通知公告: categories on top, pinned first then newest below. The list recycles its rows, so
 * 10 000 notices cost the same textures as ten.
 */
import { NoticeRow } from '../components/NoticeRow'
import type { NoticeSummary } from '../feed/schema'
import { orderNotices } from '../feed/selectors'
import { noticeRoute } from '../feed/localFeeds'
import { CategorizedList, type ListScreenConfig } from './CategorizedList'

export class Notices extends CategorizedList<NoticeSummary> {
  protected readonly config: ListScreenConfig<NoticeSummary> = {
    title: 'notices.title',
    icon: 'notice',
    allLabel: 'notices.all',
    emptyLabel: 'notices.empty',
    countLabel: 'notices.count',
    row: NoticeRow,
    rowHeight: NoticeRow.height,
    detailPath: (notice) => noticeRoute(notice),
    itemsOf: (index, now) => orderNotices(index.notices, now),
  }
}
