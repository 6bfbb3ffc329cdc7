import { containingPattern, policySearchText } from './policy.search'

describe('policy search', () => {
  it('reads title, summary, 文号, issuer and the words of the body', () => {
    expect(policySearchText({ title: '标题', summary: '摘要', docNumber: '威环政发〔2026〕8号', issuer: '区政府', body: '<p>融资&amp;担保</p>' })).toBe('标题\n摘要\n威环政发〔2026〕8号\n区政府\n融资&担保')
  })

  it('takes the pattern characters of a word literally', () => {
    expect(containingPattern('融资')).toBe('%融资%')
    expect(containingPattern('10%_a\\b')).toBe('%10\\%\\_a\\\\b%')
  })
})
