/** Masks the middle of identity details; the owner sees them after a tap, others never receive them unmasked. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length)
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd)
}

export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4)
}

export function maskCreditCode(code: string): string {
  return maskMiddle(code, 4, 4)
}
