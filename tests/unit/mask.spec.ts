/**
 * Personal data is masked before it reaches the screen, whatever the server already did: a name keeps
 * its first and last character, an application number its first and last four; inside any text, phone
 * numbers (mobile and landline) and long numbers (ID numbers, bank cards) keep their first 3 and last 4
 * digits, full-width digits included.
 */
import { describe, expect, it } from 'vitest'
import { maskName, maskNumber, maskText, normalizeDigits } from '../../src/feed/mask'

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

  it('leaves a name masked by the same rule as it is', () => {
    expect(maskName('张*华')).toBe('张*华')
    expect(maskName('张*')).toBe('张*')
    expect(maskName('*')).toBe('*')
    expect(maskName('欧**娜')).toBe('欧**娜')
  })

  it('masks again a name whose stars are not where the rule puts them: a star anywhere proves nothing', () => {
    // A server that appends, prepends or inserts a star instead of replacing characters shows the whole name.
    expect(maskName('张三*')).toBe('张**')
    expect(maskName('*张三')).toBe('**三')
    expect(maskName('李四*光')).toBe('李**光')
    expect(maskName('张*三四')).toBe('张**四')
    expect(maskName('**')).toBe('**')
  })

  it('keeps only the first character of a compound surname the server left whole: 欧阳*明 → 欧**明', () => {
    expect(maskName('欧阳*明')).toBe('欧**明')
  })

  it('masks a name masked with other characters by the same rule', () => {
    expect(maskName('张＊华')).toBe('张*华')
    expect(maskName('张××华')).toBe('张**华')
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

describe('maskText: mobile numbers', () => {
  it('masks a mobile number inside text, keeping the first 3 and last 4 digits', () => {
    expect(maskText('请致电13812345678咨询')).toBe('请致电138****5678咨询')
  })

  it('masks numbers at the start and the end of the text, and every number in it', () => {
    expect(maskText('13912345678')).toBe('139****5678')
    expect(maskText('联系人手机：15012345678，备用：18887654321')).toBe('联系人手机：150****5678，备用：188****4321')
    expect(maskText('13812345678/13987654321')).toBe('138****5678/139****4321')
  })

  it('masks numbers written with +86 or 0086, or separated into groups', () => {
    expect(maskText('手机+8613812345678')).toBe('手机+86138****5678')
    expect(maskText('手机+86 138 1234 5678')).toBe('手机+86 138****5678')
    expect(maskText('手机008613812345678')).toBe('手机0086138****5678')
    expect(maskText('请拨138-1234-5678或139 8765 4321')).toBe('请拨138****5678或139****4321')
  })

  it('masks numbers written in full-width digits, which it shows as ordinary digits', () => {
    expect(maskText('请联系１３８１２３４５６７８')).toBe('请联系138****5678')
    expect(maskText('手机＋８６　１３８－１２３４－５６７８')).toBe('手机+86　138****5678')
  })
})

describe('maskText: landlines', () => {
  it('masks a number with an area code, keeping the first 3 and last 4 digits', () => {
    expect(maskText('家庭电话0735-6231233')).toBe('家庭电话073****1233')
    expect(maskText('电话07356231233')).toBe('电话073****1233')
    expect(maskText('电话0735 6231233')).toBe('电话073****1233')
    expect(maskText('电话010-12345678')).toBe('电话010****5678')
    expect(maskText('电话(0735)6231233或（0735）6231234')).toBe('电话073****1233或073****1234')
    expect(maskText('电话０７３５－６２３１２３３')).toBe('电话073****1233')
  })
})

describe('maskText: ID numbers and other long numbers', () => {
  it('masks an 18-character ID number, keeping the first 3 and last 4', () => {
    expect(maskText('证件号430000199001011234')).toBe(`证件号430${'*'.repeat(11)}1234`)
  })

  it('masks an ID number whose check character is X or x', () => {
    expect(maskText('证件号43000019900101123X。')).toBe(`证件号430${'*'.repeat(11)}123X。`)
    expect(maskText('43000019900101123x')).toBe(`430${'*'.repeat(11)}123x`)
  })

  it('does not take an ID number that starts with 13 (Hebei) for a mobile number', () => {
    expect(maskText('130000199001011234')).toBe(`130${'*'.repeat(11)}1234`)
  })

  it('masks a 15-digit ID number of the old kind', () => {
    expect(maskText('老证号430000900101123')).toBe(`老证号430${'*'.repeat(8)}1123`)
  })

  it('masks an ID number written in full-width characters', () => {
    expect(maskText('身份证４３００００１９９００１０１１２３Ｘ')).toBe(`身份证430${'*'.repeat(11)}123X`)
  })

  it('masks bank card and account numbers (16 digits and more) the same way', () => {
    expect(maskText('补贴发放至6222021234567890123')).toBe(`补贴发放至622${'*'.repeat(12)}0123`)
  })

  it('keeps the length of a long number, so it still looks like the document it is', () => {
    for (const id of ['430000199001011234', '43000019900101123X', '430000900101123', '6222021234567890123']) {
      expect(maskText(id)).toHaveLength(id.length)
    }
  })
})

describe('maskText leaves alone what is not personal', () => {
  it('does not touch 12345, short numbers or dates', () => {
    const text = '如有疑问请拨打12345，或于2026-11-20至2026年12月31日期间到窗口办理，编号20261120。'
    expect(maskText(text)).toBe(text)
  })

  it('does not touch numbers that are neither phones nor long numbers', () => {
    const text = '流水号12812345678；订单138123456789；热线400-123-4567；事项编码11430000006199'
    expect(maskText(text)).toBe(text)
  })

  it('leaves text without numbers as it is', () => {
    expect(maskText('已由本人签收')).toBe('已由本人签收')
    expect(maskText('')).toBe('')
  })
})

describe('normalizeDigits', () => {
  it('turns full-width digits, plus and hyphen into ASCII, and a full-width X only after a digit', () => {
    expect(normalizeDigits('近６个月，＋８６－１２３Ｘ')).toBe('近6个月，+86-123X')
    expect(normalizeDigits('ＸＸ镇')).toBe('ＸＸ镇')
  })
})
