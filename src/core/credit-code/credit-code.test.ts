import { creditCodeCheckChar, creditCodeProblem } from './credit-code'

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of real organisations, checked by hand against the standard's weights.
  const valid = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']

  it.each(valid)('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull()
  })

  it('computes the check character, including a weighted sum divisible by 31 (check 0, not 31)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('913710008MA3C5XL8')).toBe('0')
    expect(creditCodeProblem('913710008MA3C5XL80')).toBeNull()
  })

  it('refuses a code with one character changed', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check')
    expect(creditCodeProblem('91350100M000101Y43')).toBe('check')
  })

  it('refuses wrong length and forbidden characters', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length')
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length')
    expect(creditCodeProblem('91350100I000100Y43')).toBe('characters')
    expect(creditCodeProblem('9135A100M000100Y43')).toBe('characters')
    expect(creditCodeProblem('91350100m000100y43')).toBe('characters')
  })
})
