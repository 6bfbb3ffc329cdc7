import { makeAutoObservable } from 'mobx'
import { holderInput, type HolderInput } from '@/core/card/card.schema'
import { HOLDER_TYPES, QUALIFICATION_BASES, type HolderType } from '@/core/card/qualification'
import type { AdminStore } from './admin.store'

export type IssueField = 'type' | 'name' | 'creditCode' | 'basis' | 'detail' | 'contactName' | 'contactPhone'

const FIELD_OF_PATH: Record<string, IssueField> = {
  type: 'type',
  name: 'name',
  creditCode: 'creditCode',
  'qualification.basis': 'basis',
  'qualification.detail': 'detail',
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
}

function firstBasis(type: HolderType): string {
  return Object.keys(QUALIFICATION_BASES[type])[0]
}

/**
 * The admin's 发卡 form: validated on the device with the same zod schema the backend uses.
 * Created by the issue page (admin subpackage), not by RootStore, so that zod stays out of the main package.
 */
export class IssueFormStore {
  type: HolderType = HOLDER_TYPES[0]
  name = ''
  creditCode = ''
  basis: string = firstBasis(HOLDER_TYPES[0])
  detail = ''
  contactName = ''
  contactPhone = ''
  errors: Partial<Record<IssueField, string>> = {}

  constructor(private readonly admin: AdminStore) {
    makeAutoObservable<IssueFormStore, 'admin'>(this, { admin: false })
  }

  get bases(): Array<{ value: string; label: string }> {
    return Object.entries(QUALIFICATION_BASES[this.type]).map(([value, label]) => ({ value, label }))
  }

  setType(type: HolderType): void {
    this.type = type
    if (!(this.basis in QUALIFICATION_BASES[type])) this.basis = firstBasis(type)
    delete this.errors.type
    delete this.errors.basis
    if (type !== 'enterprise') delete this.errors.creditCode
  }

  set(field: Exclude<IssueField, 'type'>, value: string): void {
    this[field] = value
    delete this.errors[field]
  }

  toInput(): unknown {
    return {
      type: this.type,
      name: this.name,
      ...(this.type === 'enterprise' && this.creditCode.trim() ? { creditCode: this.creditCode } : {}),
      qualification: { basis: this.basis, detail: this.detail },
      contact: { name: this.contactName, phone: this.contactPhone },
    }
  }

  /** Chinese messages per field, or the parsed input when everything is valid. */
  validate(): HolderInput | null {
    const parsed = holderInput.safeParse(this.toInput())
    if (parsed.success) {
      this.errors = {}
      return parsed.data
    }
    const errors: Partial<Record<IssueField, string>> = {}
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[issue.path.join('.')] ?? 'name'
      if (!errors[field]) errors[field] = issue.message
    }
    this.errors = errors
    return null
  }

  async submit(): Promise<boolean> {
    const input = this.validate()
    if (!input) return false
    const issued = await this.admin.issue(input)
    if (issued) this.clear()
    return issued
  }

  clear(): void {
    this.name = ''
    this.creditCode = ''
    this.detail = ''
    this.contactName = ''
    this.contactPhone = ''
    this.errors = {}
  }
}
