/** Kinds of contact a commissioner logs, with their labels; zod-free so the main package can show them. */
export const CONTACT_KINDS = ['visit', 'call', 'meeting'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  visit: '走访',
  call: '电话联系',
  meeting: '座谈会商',
}
