import { afterEach, describe, expect, it } from 'vitest'
import { digitForKeyCode } from '../../src/layout/remoteDigits'
import { setLanguage } from '../../src/i18n/strings'
import {
  announcementAfter,
  emptyForm,
  formProblem,
  keyLabel,
  keypadAnnouncement,
  MAX_CODE,
  maskedCode,
  reduceForm,
  type FormAction,
  type ProgressForm,
} from '../../src/layout/progressForm'

const type = (form: ProgressForm, digits: string): ProgressForm =>
  Array.from(digits).reduce((f, digit) => reduceForm(f, { type: 'digit', digit }), form)
const run = (actions: FormAction[]): ProgressForm => actions.reduce(reduceForm, emptyForm())

describe('typing the application number and code with a remote', () => {
  it('types digits into the number first', () => {
    expect(type(emptyForm(), '2026')).toMatchObject({ number: '2026', code: '', field: 'number' })
  })

  it('moves to the code with 下一项 and types there', () => {
    const form = type(reduceForm(type(emptyForm(), '2026'), { type: 'next' }), '1234')
    expect(form).toMatchObject({ number: '2026', code: '1234', field: 'code' })
  })

  it('ignores anything that is not a digit', () => {
    expect(run([{ type: 'digit', digit: 'a' }, { type: 'digit', digit: '12' }]).number).toBe('')
  })

  it('stops at the field length', () => {
    const form = type(reduceForm(emptyForm(), { type: 'next' }), '1234567890')
    expect(form.code).toHaveLength(MAX_CODE)
  })

  it('deletes the last digit and clears the active field only', () => {
    const typed = type(reduceForm(type(emptyForm(), '2026'), { type: 'next' }), '99')
    expect(reduceForm(typed, { type: 'delete' }).code).toBe('9')
    expect(reduceForm(typed, { type: 'clear' })).toMatchObject({ number: '2026', code: '' })
  })

  it('never shows the code, one dot per digit', () => {
    expect(maskedCode('482913')).toBe('●●●●●●')
  })

  it('says what to fix before searching, number first', () => {
    expect(formProblem(emptyForm())).toBe('progress.numberInvalid')
    expect(formProblem(type(emptyForm(), '2026112000001'))).toBe('progress.codeInvalid')
    const ready = type(reduceForm(type(emptyForm(), '2026112000001'), { type: 'next' }), '482913')
    expect(formProblem(ready)).toBeUndefined()
  })

  it('reads digits from the top row and the numpad', () => {
    expect(digitForKeyCode(48)).toBe('0')
    expect(digitForKeyCode(57)).toBe('9')
    expect(digitForKeyCode(96)).toBe('0')
    expect(digitForKeyCode(105)).toBe('9')
    expect(digitForKeyCode(13)).toBeUndefined()
  })
})

/** Each action in turn, with what read-aloud says after it. */
function spoken(form: ProgressForm, actions: FormAction[]): Array<string | undefined> {
  const said: Array<string | undefined> = []
  actions.reduce((before, action) => {
    const after = reduceForm(before, action)
    said.push(announcementAfter(before, after))
    return after
  }, form)
  return said
}

const digits = (value: string): FormAction[] => Array.from(value, (digit) => ({ type: 'digit', digit }))
const atCode = (number: string): ProgressForm => reduceForm(type(emptyForm(), number), { type: 'next' })

describe('what read-aloud says while the person types (the room hears the TV)', () => {
  afterEach(() => setLanguage('zh-CN'))

  it('says how many digits the code holds after each digit, never the digit', () => {
    expect(spoken(atCode('2026112000001'), digits('482913'))).toEqual([
      '已输入 1 位',
      '已输入 2 位',
      '已输入 3 位',
      '已输入 4 位',
      '已输入 5 位',
      '已输入 6 位',
    ])
  })

  it('does the same for the application number', () => {
    expect(spoken(emptyForm(), digits('2026'))).toEqual(['已输入 1 位', '已输入 2 位', '已输入 3 位', '已输入 4 位'])
  })

  it('says the new count after delete and clear', () => {
    const typed = type(atCode('2026112000001'), '4829')
    expect(spoken(typed, [{ type: 'delete' }, { type: 'clear' }])).toEqual(['已输入 3 位', '已输入 0 位'])
  })

  it('names the field, with its count, when the person moves to the other one', () => {
    const number = type(emptyForm(), '2026112000001')
    expect(spoken(number, [{ type: 'next' }])).toEqual(['查询密码，已输入 0 位'])
    expect(spoken(type(atCode('2026112000001'), '48'), [{ type: 'focus', field: 'number' }])).toEqual(['受理编号，已输入 13 位'])
  })

  it('says nothing when a key changes nothing (a full field, delete on an empty one)', () => {
    const full = type(atCode('2026'), '12345678')
    expect(spoken(full, digits('9'))).toEqual([undefined])
    expect(spoken(emptyForm(), [{ type: 'delete' }])).toEqual([undefined])
  })

  it('speaks English when the app does', () => {
    setLanguage('en')
    expect(spoken(atCode('2026'), digits('48'))).toEqual(['Digits typed: 1', 'Digits typed: 2'])
    expect(spoken(type(emptyForm(), '2026'), [{ type: 'next' }])).toEqual(['Verification code, digits typed: 0'])
  })
})

describe('what read-aloud says for the focused keypad key', () => {
  afterEach(() => setLanguage('zh-CN'))

  it('on a digit key, the field and its count instead of the digit the key would type', () => {
    const typed = type(atCode('2026112000001'), '4829')
    for (const key of ['0', '1', '5', '9']) expect(keypadAnnouncement(typed, key)).toBe('查询密码，已输入 4 位')
    expect(keypadAnnouncement(emptyForm(), '1')).toBe('受理编号，已输入 0 位')
  })

  it('on 删除, 下一项 and 查询, the key, then the field and its count', () => {
    const typed = type(atCode('2026112000001'), '482913')
    expect(keypadAnnouncement(typed, 'submit')).toBe('查询，查询密码，已输入 6 位')
    expect(keypadAnnouncement(typed, 'delete')).toBe('删除，查询密码，已输入 6 位')
    expect(keypadAnnouncement(type(emptyForm(), '2026'), 'submit')).toBe('下一项，受理编号，已输入 4 位')
  })

  it('labels the keys as the keypad shows them: digits, 删除, and 下一项 or 查询 by field', () => {
    expect(keyLabel(emptyForm(), '7')).toBe('7')
    expect(keyLabel(emptyForm(), 'delete')).toBe('删除')
    expect(keyLabel(emptyForm(), 'submit')).toBe('下一项')
    expect(keyLabel(atCode('2026'), 'submit')).toBe('查询')
  })

  it('speaks English when the app does', () => {
    setLanguage('en')
    expect(keypadAnnouncement(type(atCode('2026'), '48'), 'submit')).toBe('Search. Verification code, digits typed: 2')
  })
})
