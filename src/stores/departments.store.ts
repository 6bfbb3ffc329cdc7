import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { orgSchemas, type DepartmentView } from '@/core/org/org.schema'
import { byField } from './field-errors'

export interface DepartmentDraft {
  id: string | null
  name: string
  shortName: string
  receivesEscalations: boolean
}

const emptyDraft = (): DepartmentDraft => ({ id: null, name: '', shortName: '', receivesEscalations: false })

/**
 * 部门管理: every department (the deactivated ones too, shown greyed), the add/edit form validated with the backend's
 * schema, and 停用. Created by the admin page (subpackage).
 */
export class DepartmentsStore {
  items: DepartmentView[] = []
  loaded = false
  loading = false
  error: string | null = null

  draft: DepartmentDraft = emptyDraft()
  showForm = false
  errors: Record<string, string> = {}
  formError: string | null = null
  saving = false
  /** Id of the department being deactivated. */
  deactivating: string | null = null
  private generation = 0

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<DepartmentsStore, 'api' | 'generation'>(this, { api: false, generation: false })
  }

  /** Active departments first (by name as the server sorts them), the deactivated ones after. */
  get sorted(): DepartmentView[] {
    return [...this.items].sort((a, b) => Number(b.active) - Number(a.active))
  }

  async load(): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    const res = await this.api.call('org', 'departments', { includeInactive: true })
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = res.error.message
    })
  }

  add(): void {
    this.draft = emptyDraft()
    this.errors = {}
    this.formError = null
    this.showForm = true
  }

  edit(department: DepartmentView): void {
    this.draft = {
      id: department.id,
      name: department.name,
      shortName: department.shortName ?? '',
      receivesEscalations: department.receivesEscalations,
    }
    this.errors = {}
    this.formError = null
    this.showForm = true
  }

  close(): void {
    this.showForm = false
  }

  set<K extends Exclude<keyof DepartmentDraft, 'id'>>(field: K, value: DepartmentDraft[K]): void {
    this.draft[field] = value
    delete this.errors[field]
  }

  async save(): Promise<boolean> {
    const d = this.draft
    const shortName = d.shortName.trim()
    const parsed = orgSchemas.saveDepartment.safeParse({
      ...(d.id ? { id: d.id } : {}),
      name: d.name,
      ...(shortName ? { shortName } : {}),
      receivesEscalations: d.receivesEscalations,
    })
    this.formError = null
    if (!parsed.success) {
      this.errors = byField(parsed.error.issues)
      return false
    }
    this.errors = {}
    this.saving = true
    const res = await this.api.call('org', 'saveDepartment', parsed.data)
    runInAction(() => {
      this.saving = false
      if (res.ok) {
        this.put(res.data.department)
        this.showForm = false
        this.draft = emptyDraft()
      } else {
        this.formError = res.error.message
      }
    })
    return res.ok
  }

  /** Returns null on success, the Chinese message otherwise. */
  async deactivate(id: string): Promise<string | null> {
    this.deactivating = id
    const res = await this.api.call('org', 'deactivateDepartment', { id })
    runInAction(() => {
      this.deactivating = null
      if (res.ok) this.put(res.data.department)
    })
    return res.ok ? null : res.error.message
  }

  private put(department: DepartmentView): void {
    this.items = this.items.some((item) => item.id === department.id)
      ? this.items.map((item) => (item.id === department.id ? department : item))
      : [...this.items, department]
  }
}
