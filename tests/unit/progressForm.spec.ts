import { describe, expect, it } from 'vitest'
import {
  digitForKeyCode,
  emptyForm,
  formProblem,
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
