/**
 * Personal data is masked before it reaches the screen, whatever the server already did: a name keeps
 * its first and last character, a number its first and last four, a mobile number its first 3 and last 4.
 */
import { describe, expect, it } from 'vitest'
import { maskName, maskNumber, maskPhonesInText } from '../../src/feed/mask'

describe('maskName', () => {
  it('masks a one-character name completely', () => {
    expect(maskName('张')).toBe('*')
  })

  it('keeps the surname of a two-character name', () => {
    expect(maskName('张三')).toBe('张*')
  })

  it('keeps the first and last character of a three-character name', () => {
    expect(maskName('李四光')).toBe('李*光')
    expect(maskName('刘建国')).toBe('刘*国')
  })

  it('masks every middle character of a four-character name', () => {
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
  })

  it('masks longer names (ethnic-minority names, transliterations) the same way', () => {
    expect(maskName('阿卜杜热合曼')).toBe('阿****曼')
    expect(maskName('Li Ming')).toBe('L*****g')
  })

  it('counts characters outside the Basic Multilingual Plane as one character each', () => {
    // 𠀋 is a CJK Extension B character: two UTF-16 code units, one character on screen.
    expect(maskName('𠀋大')).toBe('𠀋*')
    expect(maskName('王𠀋明')).toBe('王*明')
    expect(maskName('𠀋')).toBe('*')
  })

  it('ignores surrounding blanks and returns empty for an empty name', () => {
    expect(maskName('  张三 ')).toBe('张*')
    expect(maskName('')).toBe('')
    expect(maskName('   ')).toBe('')
  })

  it('leaves a name the server already masked as it is', () => {
    expect(maskName('张*华')).toBe('张*华')
    expect(maskName('张*')).toBe('张*')
    expect(maskName('*')).toBe('*')
  })

  // BUG: the doc comment promises "an already masked name stays as it is", but a masked name of four or
  // more characters is masked again: 欧阳*明 (as the server sends it, see the 2026102800007 fixture) → 欧**明.
  it('leaves an already masked four-character name as the server sent it', () => {
    expect(maskName('欧阳*明')).toBe('欧阳*明')
  })

  it('never shows more than the first and last character', () => {
    for (const name of ['张三', '李四光', '欧阳娜娜', '司马相如文']) {
      const masked = Array.from(maskName(name))
      expect(masked).toHaveLength(Array.from(name).length)
      expect(masked.slice(1, -1).every((c) => c === '*')).toBe(true)
      expect(masked.at(-1)).toBe(name.length === 2 ? '*' : Array.from(name).at(-1))
    }
  })
})

describe('maskNumber', () => {
  it('keeps the first and last four digits of a long number', () => {
    expect(maskNumber('2026112000001')).toBe('2026*****0001')
    expect(maskNumber('123456789')).toBe('1234*6789')
    expect(maskNumber('12345678901234567890123456789012')).toBe(`1234${'*'.repeat(24)}9012`)
  })

  it('keeps only the last four of a number of five to eight characters', () => {
    expect(maskNumber('12345')).toBe('*2345')
    expect(maskNumber('12345678')).toBe('****5678')
  })

  it('keeps only the last two of a number of up to four characters', () => {
    expect(maskNumber('1234')).toBe('**34')
    expect(maskNumber('123')).toBe('*23')
    expect(maskNumber('12')).toBe('12')
    expect(maskNumber('7')).toBe('7')
    expect(maskNumber('')).toBe('')
  })

  it('keeps the length, so the masked number still looks like the receipt', () => {
    for (const n of ['1234', '123456', '2026112000001', 'SB-2026-0001']) expect(maskNumber(n)).toHaveLength(n.length)
  })

  it('masks letters and dashes like digits', () => {
    expect(maskNumber('SB-2026-0001')).toBe('SB-2****0001')
  })
})

describe('maskPhonesInText', () => {
  it('masks a mobile number inside text, keeping the first 3 and last 4 digits', () => {
    expect(maskPhonesInText('请致电13812345678咨询')).toBe('请致电138****5678咨询')
  })

  it('masks numbers at the start and the end of the text, and every number in it', () => {
    expect(maskPhonesInText('13912345678')).toBe('139****5678')
    expect(maskPhonesInText('联系人手机：15012345678，备用：18887654321')).toBe('联系人手机：150****5678，备用：188****4321')
    expect(maskPhonesInText('13812345678/13987654321')).toBe('138****5678/139****4321')
  })

  it('does not touch 12345, short numbers or dates', () => {
    const text = '如有疑问请拨打12345，或于2026-11-20至2026年12月31日期间到窗口办理，编号20261120。'
    expect(maskPhonesInText(text)).toBe(text)
  })

  it('does not touch landlines, ID-card-length numbers or numbers that are not mobile numbers', () => {
    const text = '咨询电话0735-6231233；证件号430000199001011234；流水号12812345678；订单138123456789。'
    expect(maskPhonesInText(text)).toBe(text)
  })

  it('masks numbers written with +86 or separated into groups', () => {
    expect(maskPhonesInText('手机+8613812345678')).toBe('手机+86138****5678')
    expect(maskPhonesInText('请拨138-1234-5678或139 8765 4321')).toBe('请拨138****5678或139****4321')
  })

  it('leaves text without numbers as it is', () => {
    expect(maskPhonesInText('已由本人签收')).toBe('已由本人签收')
    expect(maskPhonesInText('')).toBe('')
  })
})
