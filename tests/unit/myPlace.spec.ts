import { describe, expect, it } from 'vitest'
import { loadMyPlace, placeLabel, saveMyPlace } from '../../src/config/myPlace'

function storage() {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

const SHIMEN = { township: { code: '431025104', name: '汾市镇' }, village: { code: '431025104201', name: '石门村' } }

describe('the household place (选择我的村)', () => {
  it('is none until picked, then survives a reload', () => {
    const s = storage()
    expect(loadMyPlace(s)).toBeUndefined()
    saveMyPlace(SHIMEN, s)
    expect(loadMyPlace(s)).toEqual(SHIMEN)
    expect(placeLabel(SHIMEN)).toBe('汾市镇 石门村')
  })

  it('can be a township alone and can be changed or cleared', () => {
    const s = storage()
    saveMyPlace(SHIMEN, s)
    saveMyPlace({ township: { code: '431025100', name: '舜峰镇' } }, s)
    expect(loadMyPlace(s)).toEqual({ township: { code: '431025100', name: '舜峰镇' } })
    expect(placeLabel(loadMyPlace(s)!)).toBe('舜峰镇')
    saveMyPlace(undefined, s)
    expect(loadMyPlace(s)).toBeUndefined()
  })

  it('reads garbage, wrong codes and a village of another township as no (or only the township)', () => {
    const s = storage()
    s.data.set('gov-affairs-tv:my-place:v1', '{not json')
    expect(loadMyPlace(s)).toBeUndefined()
    s.data.set('gov-affairs-tv:my-place:v1', JSON.stringify({ township: { code: '4310', name: 'x' } }))
    expect(loadMyPlace(s)).toBeUndefined()
    s.data.set(
      'gov-affairs-tv:my-place:v1',
      JSON.stringify({ township: SHIMEN.township, village: { code: '431025100201', name: '城北村' } }),
    )
    expect(loadMyPlace(s)).toEqual({ township: SHIMEN.township })
  })

  it('forgets quietly when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('full')
      },
    }
    expect(() => saveMyPlace(SHIMEN, broken)).not.toThrow()
    expect(loadMyPlace(broken)).toBeUndefined()
  })
})
