import { describe, expect, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import type { Block, GuideDetail } from '../../src/feed/schema'
import { guideBlocks, materialLine } from '../../src/layout/guideBlocks'

const guides = Object.values(LINWU.guides) as GuideDetail[]
const pension = guides.find((g) => g.name === '城乡居民养老保险待遇资格认证') as GuideDetail
const textOf = (blocks: Block[]): string =>
  blocks.map((b) => (b.type === 'list' ? b.items.join('\n') : b.type === 'image' ? b.alt : b.text)).join('\n')

describe('a service guide as readable sections', () => {
  it('lists every material of the pension certification guide, with form and copies', () => {
    const text = textOf(guideBlocks(pension))
    expect(pension.materials.length).toBeGreaterThan(0)
    for (const material of pension.materials) expect(text).toContain(material.name)
    expect(text).toContain('申请材料')
  })

  it('says when a paper need not be brought because departments share it', () => {
    expect(materialLine({ name: '户口簿', form: 'original', copies: 1, shared: true })).toBe('户口簿：原件，1 份　免提交（部门共享）')
    expect(materialLine({ name: '身份证', form: 'copy', copies: 2, shared: false, note: '正反面' })).toBe('身份证：复印件，2 份（正反面）')
  })

  it('gives sections in the order people ask: who, conditions, papers, steps, time, fee, where, phones', () => {
    const headings = guideBlocks(pension).filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.text : ''))
    const order = ['办理对象', '受理条件', '申请材料', '办理流程', '办理时限', '收费标准', '办理地点', '咨询电话']
    const present = order.filter((h) => headings.includes(h))
    expect(headings.filter((h) => order.includes(h))).toEqual(present)
    expect(present.length).toBeGreaterThanOrEqual(7)
  })

  it('writes 0 working days as 即时办结', () => {
    const text = textOf(guideBlocks({ ...pension, legalDays: 0, promisedDays: 5 }))
    expect(text).toContain('法定时限：即时办结')
    expect(text).toContain('承诺时限：5 个工作日')
  })

  it('leaves out sections the feed does not give', () => {
    const bare: GuideDetail = { ...pension, conditions: [], places: [], phones: {}, helpServices: undefined }
    const text = textOf(guideBlocks(bare))
    expect(text).not.toContain('受理条件')
    expect(text).not.toContain('办理地点')
    expect(text).not.toContain('咨询电话')
  })

  it('turns every fixture guide into sections without losing its phones and places', () => {
    for (const guide of guides) {
      const text = textOf(guideBlocks(guide))
      if (guide.phones.consult) expect(text).toContain(guide.phones.consult)
      for (const place of guide.places) expect(text).toContain(place.address)
    }
  })
})
