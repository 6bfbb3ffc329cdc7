/** Closing punctuation (and spaces) people end what they type with, in Chinese or Latin form. */
const CLOSING = /[\s。；，、：！？.;,:!?]+$/u

/** A piece people typed, as a clause of a longer sentence: its closing punctuation dropped, so joins never double it. */
export function clause(text: string): string {
  return text.replace(CLOSING, '')
}

/** Clauses joined with ；and closed with one 。 ("说明；建议：…。"), never "。；" or "。。"; empty clauses left out. */
export function sentence(clauses: readonly string[]): string {
  const parts = clauses.map(clause).filter((part) => part !== '')
  return parts.length === 0 ? '' : `${parts.join('；')}。`
}
