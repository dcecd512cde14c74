import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { en, setLanguage, t, zhCN } from '../../src/i18n/strings'
import { formatDate, formatTime, formatToday, formatUpdated } from '../../src/i18n/format'

afterEach(() => setLanguage('zh-CN'))

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : []
  })
}

describe('user-facing text', () => {
  it('is Chinese by default', () => {
    expect(t('home.notices')).toBe('通知公告')
  })

  it('has an English text for every Chinese key, each with the same placeholders', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(en[key], key).toBeTruthy()
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(holes(en[key]), key).toEqual(holes(zhCN[key]))
    }
  })

  it('fills placeholders and switches language', () => {
    expect(t('notice.page', { page: 2, pages: 5 })).toBe('第 2/5 页')
    setLanguage('en')
    expect(t('notice.page', { page: 2, pages: 5 })).toBe('Page 2/5')
  })

  it('has no Chinese text written directly in screens or components (it goes through i18n)', () => {
    const han = /[\u4e00-\u9fff]/
    for (const file of [...filesUnder('src/screens'), ...filesUnder('src/components')]) {
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
        .join('\n')
      expect(han.test(code), file).toBe(false)
    }
  })
})

describe('dates and times in the region clock (UTC+8)', () => {
  const at = Date.parse('2026-11-20T01:30:00Z') // 09:30 in Hunan

  it('formats dates and times as read in China whatever the box time zone', () => {
    expect(formatDate(at)).toBe('2026-11-20')
    expect(formatTime(at)).toBe('09:30')
    expect(formatDate('2026-11-19T23:30:00+08:00')).toBe('2026-11-19')
  })

  it('writes today with the weekday', () => {
    expect(formatToday(at)).toBe('2026-11-20 星期五')
  })

  it('says "updated at" with only the time today and the date on another day', () => {
    expect(formatUpdated(at, at + 3600_000)).toBe('更新于 09:30')
    expect(formatUpdated(at, at + 86_400_000)).toBe('更新于 2026-11-20 09:30')
    expect(formatUpdated(undefined, at)).toBe('尚未更新')
  })
})
