/**
 * The phone number of a call-back request: what counts as a mainland mobile or landline however a person
 * writes it (full-width digits, spaces, dashes, brackets, +86), what the service receives, and how the
 * screen masks it.
 */
import { describe, expect, it } from 'vitest'
import { groupDigits, isValidPhone, maskPhone, maxPhoneDigits, parsePhone } from '../../src/feed/phone'

describe('parsePhone: mainland mobiles', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    [' 13812345678 ', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['１３８　１２３４　５６７８', '13812345678'],
    ['138－1234－5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['＋８６ １３８１２３４５６７８', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['86 13812345678', '13812345678'],
  ])('%j is the mobile %s', (input, value) => {
    expect(parsePhone(input)).toEqual({ kind: 'mobile', value })
  })

  it.each([
    ['', 'nothing'],
    ['1381234567', 'ten digits'],
    ['138123456789', 'twelve digits starting with 1'],
    ['12812345678', '12 is not a mobile prefix'],
    ['10812345678', '10 is not a mobile prefix'],
    ['23812345678', 'eleven digits starting with 2'],
    ['+1 138 1234 5678', 'another country code'],
    ['138123456７8x', 'a letter'],
    ['138.1234.5678', 'dots'],
    ['12345', 'the hotline'],
  ])('%j is not a phone (%s)', (input) => {
    expect(parsePhone(input)).toBeUndefined()
    expect(isValidPhone(input)).toBe(false)
  })
})

describe('parsePhone: landlines with their area code', () => {
  it.each([
    ['0735-6201234', '0735-6201234'],
    ['07356201234', '0735-6201234'],
    ['0735 6201234', '0735-6201234'],
    ['(0735)6201234', '0735-6201234'],
    ['（０７３５）６２０１２３４', '0735-6201234'],
    ['０７３５－６２０１２３４', '0735-6201234'],
    ['0735-62012345', '0735-62012345'],
    ['073562012345', '0735-62012345'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['0101234567', '010-1234567'],
    ['02112345678', '021-12345678'],
    ['0731-84567890', '0731-84567890'],
    ['+86 735 6201234', '0735-6201234'],
    ['+86-10-12345678', '010-12345678'],
    ['+86 (10) 12345678', '010-12345678'],
    ['0086 0735 6201234', '0735-6201234'],
  ])('%j is the landline %s', (input, value) => {
    expect(parsePhone(input)).toEqual({ kind: 'landline', value })
  })

  it('splits a run of digits typed on the remote by the numbering plan: 010 and 02x have three-digit area codes', () => {
    expect(parsePhone('02012345678')?.value).toBe('020-12345678')
    expect(parsePhone('07316201234')?.value).toBe('0731-6201234')
  })

  it.each([
    ['6201234', 'no area code'],
    ['0735-620123', 'six local digits'],
    ['0735-620123456', 'nine local digits'],
    ['0735620123', 'ten digits in all, four of them the area code'],
    ['0735620123456', 'thirteen digits'],
    ['735-6201234', 'an area code without its 0'],
  ])('%j is not a landline (%s)', (input) => {
    expect(parsePhone(input)).toBeUndefined()
  })
})

describe('the number on screen', () => {
  it('masks a mobile to its first three and last four digits', () => {
    expect(maskPhone({ kind: 'mobile', value: '13812345678' })).toBe('138****5678')
  })

  it('masks a landline to its area code and the last four of the local number', () => {
    expect(maskPhone({ kind: 'landline', value: '0735-6201234' })).toBe('0735-***1234')
    expect(maskPhone({ kind: 'landline', value: '010-12345678' })).toBe('010-****5678')
  })

  it('never shows the middle digits once masked', () => {
    for (const input of ['13812345678', '0735-6201234', '010-12345678', '+86 139 8765 4321']) {
      const phone = parsePhone(input)!
      const shown = maskPhone(phone)
      const digits = phone.value.replace(/\D/g, '')
      expect(shown).not.toContain(digits)
      expect(shown.replace(/\D/g, '').length).toBeLessThanOrEqual(8)
    }
  })

  it('groups digits being typed so the eye can check them: 3-4-4 for a mobile, area code apart for a landline', () => {
    expect(groupDigits('')).toBe('')
    expect(groupDigits('138')).toBe('138')
    expect(groupDigits('1381')).toBe('138 1')
    expect(groupDigits('13812345678')).toBe('138 1234 5678')
    expect(groupDigits('07356201234')).toBe('0735 6201234')
    expect(groupDigits('01012345678')).toBe('010 12345678')
    expect(groupDigits('0735')).toBe('0735')
  })

  it('lets a mobile be typed to 11 digits and a landline to 12', () => {
    expect(maxPhoneDigits('1')).toBe(11)
    expect(maxPhoneDigits('0')).toBe(12)
    expect(maxPhoneDigits('')).toBe(12)
  })
})
