/**
 * A 办事指南 as readable blocks, in the order people ask: who, conditions, papers, steps, time,
 * fee, where, phones. Pure, so "the materials are listed" is tested without a GPU.
 */
import type { Block, GuideDetail, Material } from '../feed/schema'
import { t } from '../i18n/strings'

export function materialLine(m: Material): string {
  const form = t(`guide.material.${m.form}`)
  const parts = [form, m.copies > 0 ? t('guide.material.copies', { count: m.copies }) : '']
  const detail = parts.filter(Boolean).join('，')
  const shared = m.shared ? `　${t('guide.material.shared')}` : ''
  const note = m.note ? `（${m.note}）` : ''
  return `${m.name}：${detail}${shared}${note}`
}

const days = (n: number): string => (n === 0 ? t('guide.immediate') : t('guide.workingDays', { days: n }))

export function guideBlocks(guide: GuideDetail): Block[] {
  const blocks: Block[] = []
  const section = (title: string, body: Block[]): void => {
    if (body.length === 0) return
    blocks.push({ type: 'heading', text: title }, ...body)
  }
  const list = (items: string[], ordered = false): Block[] =>
    items.length ? [{ type: 'list', ordered, items }] : []

  section(t('guide.targets'), [{ type: 'paragraph', text: guide.targets }])
  section(t('guide.conditions'), list(guide.conditions, true))
  section(t('guide.materials'), list(guide.materials.map(materialLine), true))
  section(
    t('guide.steps'),
    list(guide.steps.map((s) => (s.text ? `${s.title}：${s.text}` : s.title)), true),
  )
  const limits = [
    // 0 working days is an 即办件: done on the spot.
    guide.legalDays !== undefined ? t('guide.legalDays', { days: days(guide.legalDays) }) : '',
    guide.promisedDays !== undefined ? t('guide.promisedDays', { days: days(guide.promisedDays) }) : '',
    guide.visits !== undefined ? t('guide.visits', { visits: guide.visits }) : '',
  ].filter(Boolean)
  section(t('guide.time'), list(limits))
  section(t('guide.fee'), [{ type: 'paragraph', text: guide.fee }])
  section(
    t('guide.places'),
    list(guide.places.map((p) => [p.name, p.address, p.hours].filter(Boolean).join('　'))),
  )
  const phones = [
    guide.phones.consult ? t('guide.consult', { phone: guide.phones.consult }) : '',
    guide.phones.complaint ? t('guide.complaint', { phone: guide.phones.complaint }) : '',
  ].filter(Boolean)
  section(t('guide.phones'), list(phones))
  if (guide.helpServices) section(t('guide.help'), [{ type: 'paragraph', text: guide.helpServices }])
  return blocks
}
