/**
 * The call-back form as pure state transitions: rows, digits, Left/Right choices, what stops a request,
 * what the screen shows (typed digits on the phone row, masked once entered) and what read-aloud says
 * (never a digit of the phone).
 */
import { describe, expect, it } from 'vitest'
import { LINWU, YUELU } from '../../mocks/fixtures'
import {
  assistAnnouncementAfter,
  assistFields,
  assistFormProblem,
  emptyAssistForm,
  phoneShown,
  placesOf,
  reduceAssistForm,
  rowAnnouncement,
  rowHint,
  rowsOf,
  spelledOut,
  townshipShown,
  villageShown,
  type AssistAction,
  type AssistForm,
  type Places,
} from '../../src/layout/assistForm'

const LINWU_PLACES = placesOf(LINWU.index)
const NO_TOWNSHIPS = placesOf(YUELU.index)
const SHUNFENG = LINWU_PLACES.townships[0]!
const CHUJIANG = LINWU_PLACES.townships.findIndex((t) => t.villages.length === 0)

function run(actions: AssistAction[], places: Places = LINWU_PLACES, from: AssistForm = emptyAssistForm()): AssistForm {
  return actions.reduce((form, action) => reduceAssistForm(form, action, places), from)
}
const digits = (text: string): AssistAction[] => text.split('').map((digit) => ({ type: 'digit', digit }))
const right: AssistAction = { type: 'change', by: 1 }
const left: AssistAction = { type: 'change', by: -1 }
const down: AssistAction = { type: 'move', by: 1 }
const up: AssistAction = { type: 'move', by: -1 }
const next: AssistAction = { type: 'next' }

describe('the places the picker offers', () => {
  it('are the feed\'s townships and villages, or only the county when the feed lists none', () => {
    expect(LINWU_PLACES.townships.length).toBeGreaterThan(1)
    expect(NO_TOWNSHIPS).toEqual({ county: '岳麓区', townships: [] })
    expect(townshipShown(emptyAssistForm(), NO_TOWNSHIPS)).toBe('岳麓区')
  })

  it('without townships the form is phone, time and 提交', () => {
    expect(rowsOf(emptyAssistForm(), NO_TOWNSHIPS)).toEqual(['phone', 'time', 'submit'])
  })

  it('asks for a village only once a township with villages is chosen', () => {
    expect(rowsOf(emptyAssistForm(), LINWU_PLACES)).toEqual(['phone', 'township', 'time', 'submit'])
    const chosen = run([{ type: 'focus', row: 'township' }, right])
    expect(chosen.township).toBe(0)
    expect(rowsOf(chosen, LINWU_PLACES)).toEqual(['phone', 'township', 'village', 'time', 'submit'])
    const noVillages = { ...chosen, township: CHUJIANG }
    expect(rowsOf(noVillages, LINWU_PLACES)).toEqual(['phone', 'township', 'time', 'submit'])
  })
})

describe('reduceAssistForm', () => {
  it('types digits into the phone and deletes with Left', () => {
    expect(run(digits('138')).phone).toBe('138')
    expect(run([...digits('138'), left]).phone).toBe('13')
    expect(run([...digits('1'), left, left]).phone).toBe('')
    expect(run([{ type: 'delete' }])).toEqual(emptyAssistForm())
  })

  it('stops a mobile at 11 digits and a landline at 12', () => {
    expect(run(digits('1381234567899')).phone).toBe('13812345678')
    expect(run(digits('07356201234567')).phone).toBe('073562012345')
  })

  it('takes digits on any row, moving back to the phone', () => {
    const onTime = run([...digits('138'), { type: 'focus', row: 'time' }])
    expect(onTime.row).toBe('time')
    const typed = run(digits('1'), LINWU_PLACES, onTime)
    expect(typed.row).toBe('phone')
    expect(typed.phone).toBe('1381')
  })

  it('ignores what is not a digit', () => {
    const form = emptyAssistForm()
    expect(reduceAssistForm(form, { type: 'digit', digit: 'x' }, LINWU_PLACES)).toBe(form)
    expect(reduceAssistForm(form, { type: 'digit', digit: '12' }, LINWU_PLACES)).toBe(form)
  })

  it('moves between rows with Up/Down and OK, and stops at both ends', () => {
    expect(run([up]).row).toBe('phone')
    expect(run([down]).row).toBe('township')
    expect(run([next, next]).row).toBe('time')
    expect(run([down, down, down, down, down]).row).toBe('submit')
    expect(run([down, down, down, next]).row).toBe('submit')
  })

  it('cycles townships with Left/Right from 请选择, and a new township forgets the village', () => {
    const onTownship = run([down])
    expect(run([right], LINWU_PLACES, onTownship).township).toBe(0)
    expect(run([left], LINWU_PLACES, onTownship).township).toBe(LINWU_PLACES.townships.length - 1)
    const last = LINWU_PLACES.townships.length - 1
    expect(run([left, right], LINWU_PLACES, onTownship).township).toBe(0)
    expect(run([left, left], LINWU_PLACES, onTownship).township).toBe(last - 1)
    const withVillage = run([right, down, right, right], LINWU_PLACES, onTownship)
    expect(withVillage).toMatchObject({ township: 0, village: 1, row: 'village' })
    const moved = run([up, right], LINWU_PLACES, withVillage)
    expect(moved).toMatchObject({ township: 1, village: -1, row: 'township' })
  })

  it('does nothing on the township row when the feed has none (the row is not offered)', () => {
    const form = run([down], NO_TOWNSHIPS)
    expect(form.row).toBe('time')
    expect(run([{ type: 'focus', row: 'township' }], NO_TOWNSHIPS).row).toBe('phone')
  })

  it('chooses the time with Left/Right, 都可以 at first, without wrapping', () => {
    const onTime = run([{ type: 'focus', row: 'time' }])
    expect(onTime.time).toBe('any')
    expect(run([left], LINWU_PLACES, onTime).time).toBe('afternoon')
    expect(run([left, left, left], LINWU_PLACES, onTime).time).toBe('morning')
    expect(run([right], LINWU_PLACES, onTime).time).toBe('any')
  })

  it('returns the same form when a key changes nothing', () => {
    const onSubmit = run([{ type: 'focus', row: 'submit' }])
    expect(reduceAssistForm(onSubmit, right, LINWU_PLACES)).toBe(onSubmit)
    expect(reduceAssistForm(onSubmit, next, LINWU_PLACES)).toBe(onSubmit)
  })
})

describe('what stops a request, and what is sent', () => {
  const full = run([...digits('13812345678'), down, right, down, right, down, left])

  it('names the first thing to fix and the row to fix it on', () => {
    expect(assistFormProblem(emptyAssistForm(), LINWU_PLACES)).toEqual({ message: 'assist.phoneMissing', row: 'phone' })
    expect(assistFormProblem(run(digits('1381234')), LINWU_PLACES)).toEqual({ message: 'assist.phoneInvalid', row: 'phone' })
    expect(assistFormProblem(run(digits('13812345678')), LINWU_PLACES)).toEqual({ message: 'assist.townshipMissing', row: 'township' })
    expect(assistFormProblem({ ...full, village: -1 }, LINWU_PLACES)).toEqual({ message: 'assist.villageMissing', row: 'village' })
    expect(assistFormProblem({ ...full, township: CHUJIANG, village: -1 }, LINWU_PLACES)).toBeUndefined()
    expect(assistFormProblem(full, LINWU_PLACES)).toBeUndefined()
    expect(assistFormProblem(run(digits('07356201234')), NO_TOWNSHIPS)).toBeUndefined()
  })

  it('sends division codes for the places and leaves out what was not chosen', () => {
    expect(full).toMatchObject({ township: 0, village: 0, time: 'afternoon' })
    expect(assistFields(full, LINWU_PLACES)).toEqual({
      phone: '13812345678',
      township: SHUNFENG.code,
      village: SHUNFENG.villages[0]!.code,
      preferredTime: 'afternoon',
    })
    expect(assistFields(run(digits('07356201234')), NO_TOWNSHIPS)).toEqual({ phone: '07356201234', preferredTime: 'any' })
    expect(assistFields({ ...full, township: CHUJIANG, village: -1 }, LINWU_PLACES)).toEqual({
      phone: '13812345678',
      township: LINWU_PLACES.townships[CHUJIANG]!.code,
      preferredTime: 'afternoon',
    })
  })
})

describe('what the screen shows', () => {
  it('shows the digits while the phone row is active, in groups, with a cursor', () => {
    expect(phoneShown(emptyAssistForm())).toBe('_')
    expect(phoneShown(run(digits('13812345678')))).toBe('138 1234 5678_')
  })

  it('masks a whole number once the person moves on, and unmasks it again on return', () => {
    const moved = run([...digits('13812345678'), next])
    expect(phoneShown(moved)).toBe('138****5678')
    expect(phoneShown(run([up], LINWU_PLACES, moved))).toBe('138 1234 5678_')
    expect(phoneShown(run([...digits('07356201234'), next]))).toBe('0735-***1234')
  })

  it('keeps a number that is not yet right readable, to be fixed, and says when there is none', () => {
    expect(phoneShown(run([...digits('13812'), next]))).toBe('138 12')
    expect(phoneShown(run([next]))).toBe('请用数字键输入')
  })

  it('shows 请选择 until a place is chosen, then its name', () => {
    const form = run([down])
    expect(townshipShown(form, LINWU_PLACES)).toBe('请选择')
    expect(townshipShown(run([right], LINWU_PLACES, form), LINWU_PLACES)).toBe(SHUNFENG.name)
    expect(villageShown(run([right], LINWU_PLACES, form), LINWU_PLACES)).toBe('请选择')
  })

  it('has a hint for each row', () => {
    expect(rowHint('phone')).toBe('assist.hint.phone')
    expect(rowHint('village')).toBe('assist.hint.choose')
    expect(rowHint('submit')).toBe('assist.hint.submit')
  })
})

describe('what read-aloud says', () => {
  const phone = '13812345678'

  it('counts digits and names rows and choices, never a digit of the phone', () => {
    const said: string[] = []
    let form = emptyAssistForm()
    said.push(rowAnnouncement(form, LINWU_PLACES))
    for (const action of [...digits(phone), left, ...digits('8'), down, right, down, right, down, left, down]) {
      const after = reduceAssistForm(form, action, LINWU_PLACES)
      const words = assistAnnouncementAfter(form, after, LINWU_PLACES)
      if (words) said.push(words)
      said.push(rowAnnouncement(after, LINWU_PLACES))
      form = after
    }
    expect(said[0]).toBe('联系电话，已输入 0 位')
    expect(said).toContain('已输入 11 位')
    expect(said).toContain('已输入 10 位')
    expect(said).toContain(SHUNFENG.name)
    expect(said).toContain('下午')
    expect(said).toContain('提交，按确认键发送请求')
    const all = said.join('\n')
    expect(all).not.toContain(phone)
    expect(all).not.toContain('138')
    expect(all).not.toContain('5678')
    expect(all).not.toMatch(/\d{3,}/)
  })

  it('says nothing when a key changed nothing', () => {
    const form = emptyAssistForm()
    expect(assistAnnouncementAfter(form, form, LINWU_PLACES)).toBeUndefined()
  })

  it('spells a reference number out, a pause at each dash', () => {
    expect(spelledOut('LW-20261202-0042')).toBe('L W，2 0 2 6 1 2 0 2，0 0 4 2')
    expect(spelledOut('A1')).toBe('A 1')
  })
})
