import { elderlyMode, LARGE_SYSTEM_FONT } from './elderly'

describe('elderlyMode', () => {
  it('follows the choice made in 我的, whatever the phone says', () => {
    expect(elderlyMode(true, null)).toBe(true)
    expect(elderlyMode(false, LARGE_SYSTEM_FONT + 4)).toBe(false)
  })

  it('without a choice, follows the phone’s large-font setting where it is known', () => {
    expect(elderlyMode(null, LARGE_SYSTEM_FONT)).toBe(true)
    expect(elderlyMode(null, 17)).toBe(false)
    expect(elderlyMode(null, null)).toBe(false)
  })
})
