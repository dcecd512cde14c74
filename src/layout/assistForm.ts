/**
 * The call-back form (请工作人员联系我) driven by a remote: rows from top to bottom (phone, township, village,
 * preferred time, 提交), Up/Down between rows, Left/Right to choose within a row, digits into the phone,
 * OK to go on. Pure state transitions, unit-tested without a GPU; the screen only draws what these say.
 *
 * The phone is shown as typed while its row is the active one, since the person must be able to check it,
 * and masked (138****5678) once they move on from a number that is complete. Read-aloud never says a
 * digit: "已输入 11 位".
 */
import type { AssistFields } from '../feed/assist'
import { groupDigits, maskPhone, maxPhoneDigits, parsePhone } from '../feed/phone'
import { ASSIST_TIMES, type AssistTime, type FeedIndex, type Township, type Village } from '../feed/schema'
import { t, type StringKey } from '../i18n/strings'

export type AssistRow = 'phone' | 'township' | 'village' | 'time' | 'submit'

export interface AssistForm {
  /** Digits as typed on the remote. */
  phone: string
  row: AssistRow
  /** Index into the places' townships; -1 until one is chosen. */
  township: number
  /** Index into the chosen township's villages; -1 until one is chosen. */
  village: number
  time: AssistTime
}

/** What the picker offers: the county's townships and villages, or only the county when the feed has none. */
export interface Places {
  county: string
  townships: readonly Township[]
}

export function placesOf(index: FeedIndex): Places {
  return { county: index.region.name, townships: index.townships ?? [] }
}

export const emptyAssistForm = (): AssistForm => ({ phone: '', row: 'phone', township: -1, village: -1, time: 'any' })

export type AssistAction =
  | { type: 'digit'; digit: string }
  | { type: 'delete' }
  /** Up (-1) and Down (+1) between rows. */
  | { type: 'move'; by: 1 | -1 }
  /** Left (-1) and Right (+1) within a row: on the phone, Left deletes. */
  | { type: 'change'; by: 1 | -1 }
  /** OK on a row before 提交: on to the next one. */
  | { type: 'next' }
  | { type: 'focus'; row: AssistRow }

function villagesOf(form: AssistForm, places: Places): readonly Village[] {
  return places.townships[form.township]?.villages ?? []
}

/** The rows that take focus now: no township row without townships, no village row without villages. */
export function rowsOf(form: AssistForm, places: Places): AssistRow[] {
  const rows: AssistRow[] = ['phone']
  if (places.townships.length > 0) rows.push('township')
  if (villagesOf(form, places).length > 0) rows.push('village')
  rows.push('time', 'submit')
  return rows
}

/** One step around a list of `n`, from "none chosen" (-1) to the first (Right) or the last (Left). */
function cycle(current: number, n: number, by: 1 | -1): number {
  if (n === 0) return -1
  if (current < 0) return by > 0 ? 0 : n - 1
  return (current + by + n) % n
}

function moveRow(form: AssistForm, places: Places, by: number): AssistForm {
  const rows = rowsOf(form, places)
  const at = Math.max(0, rows.indexOf(form.row))
  const row = rows[Math.max(0, Math.min(rows.length - 1, at + by))] ?? form.row
  return row === form.row ? form : { ...form, row }
}

export function reduceAssistForm(form: AssistForm, action: AssistAction, places: Places): AssistForm {
  switch (action.type) {
    case 'digit': {
      // Digits always go to the phone, from whichever row: there is nowhere else they could mean anything.
      if (!/^\d$/.test(action.digit)) return form
      const phone = form.phone.length < maxPhoneDigits(form.phone + action.digit) ? form.phone + action.digit : form.phone
      return phone === form.phone && form.row === 'phone' ? form : { ...form, phone, row: 'phone' }
    }
    case 'delete':
      return form.phone === '' ? form : { ...form, phone: form.phone.slice(0, -1) }
    case 'move':
      return moveRow(form, places, action.by)
    case 'next':
      return form.row === 'submit' ? form : moveRow(form, places, 1)
    case 'focus':
      return rowsOf(form, places).indexOf(action.row) >= 0 ? { ...form, row: action.row } : form
    case 'change':
      switch (form.row) {
        case 'phone':
          return action.by < 0 ? reduceAssistForm(form, { type: 'delete' }, places) : form
        case 'township': {
          const township = cycle(form.township, places.townships.length, action.by)
          return township === form.township ? form : { ...form, township, village: -1 }
        }
        case 'village': {
          const village = cycle(form.village, villagesOf(form, places).length, action.by)
          return village === form.village ? form : { ...form, village }
        }
        case 'time': {
          const at = ASSIST_TIMES.indexOf(form.time) + action.by
          const time = ASSIST_TIMES[Math.max(0, Math.min(ASSIST_TIMES.length - 1, at))] ?? form.time
          return time === form.time ? form : { ...form, time }
        }
        case 'submit':
          return form
      }
  }
}

export interface FormProblem {
  message: StringKey
  /** The row to fix it on. */
  row: AssistRow
}

/** What stops a request, in the order the person should fix it. */
export function assistFormProblem(form: AssistForm, places: Places): FormProblem | undefined {
  if (form.phone === '') return { message: 'assist.phoneMissing', row: 'phone' }
  if (!parsePhone(form.phone)) return { message: 'assist.phoneInvalid', row: 'phone' }
  if (places.townships.length > 0 && form.township < 0) return { message: 'assist.townshipMissing', row: 'township' }
  if (villagesOf(form, places).length > 0 && form.village < 0) return { message: 'assist.villageMissing', row: 'village' }
  return undefined
}

/** The person's choices for the request: division codes for the places, nothing for what was not chosen. */
export function assistFields(form: AssistForm, places: Places): AssistFields {
  const fields: AssistFields = { phone: form.phone, preferredTime: form.time }
  const township = places.townships[form.township]
  const village = villagesOf(form, places)[form.village]
  if (township) fields.township = township.code
  if (village) fields.village = village.code
  return fields
}

/**
 * The phone as the screen shows it. Its own row: the digits in groups with a cursor (138 1234 5678_).
 * Elsewhere: masked once it is a whole number; a number that is not yet right stays readable, to be fixed.
 */
export function phoneShown(form: AssistForm): string {
  if (form.row === 'phone') return `${groupDigits(form.phone)}_`
  const phone = parsePhone(form.phone)
  if (phone) return maskPhone(phone)
  return form.phone === '' ? t('assist.phoneEmpty') : groupDigits(form.phone)
}

export function townshipShown(form: AssistForm, places: Places): string {
  if (places.townships.length === 0) return places.county
  return places.townships[form.township]?.name ?? t('assist.choose')
}

export function villageShown(form: AssistForm, places: Places): string {
  return villagesOf(form, places)[form.village]?.name ?? t('assist.choose')
}

export function timeLabel(time: AssistTime): string {
  return t(`assist.time.${time}`)
}

/** The hint beside the form for the row the person is on. */
export function rowHint(row: AssistRow): StringKey {
  if (row === 'phone') return 'assist.hint.phone'
  if (row === 'submit') return 'assist.hint.submit'
  return 'assist.hint.choose'
}

/** What read-aloud says for the row with focus: its name and value, never a digit of the phone. */
export function rowAnnouncement(form: AssistForm, places: Places): string {
  switch (form.row) {
    case 'phone':
      return t('progress.fieldTyped', { field: t('assist.phoneLabel'), count: form.phone.length })
    case 'township':
      return t('assist.onRow', { label: t('assist.townshipLabel'), value: townshipShown(form, places) })
    case 'village':
      return t('assist.onRow', { label: t('assist.villageLabel'), value: villageShown(form, places) })
    case 'time':
      return t('assist.onRow', { label: t('assist.timeLabel'), value: timeLabel(form.time) })
    case 'submit':
      return t('assist.onSubmit')
  }
}

/** What read-aloud says after a key: the new row, the count of digits, or the new choice; nothing if nothing changed. */
export function assistAnnouncementAfter(before: AssistForm, after: AssistForm, places: Places): string | undefined {
  if (after.row !== before.row) return rowAnnouncement(after, places)
  if (after.phone !== before.phone) return t('progress.typed', { count: after.phone.length })
  if (after.township !== before.township) return townshipShown(after, places)
  if (after.village !== before.village) return villageShown(after, places)
  if (after.time !== before.time) return timeLabel(after.time)
  return undefined
}

/**
 * A reference number as read-aloud should say it: character by character, a pause at each dash, so that
 * LW-20261202-0042 is not read as "twenty million …": "L W，2 0 2 6 1 2 0 2，0 0 4 2".
 */
export function spelledOut(reference: string): string {
  return reference
    .split('-')
    .filter(Boolean)
    .map((part) => part.split('').join(' '))
    .join('，')
}
