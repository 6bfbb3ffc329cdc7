import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { orgSchemas, type DistrictView } from '@/core/org/org.schema'
import { byField } from './field-errors'

/**
 * 行政区设置: the district's name and 行政区划代码, validated on the device with the backend's schema. Created by the
 * admin page (subpackage), so zod stays out of the main package.
 */
export class OrgDistrictStore {
  district: DistrictView | null = null
  name = ''
  code = ''
  loaded = false
  loading = false
  loadError: string | null = null
  errors: Record<string, string> = {}
  error: string | null = null
  saving = false
  saved = false

  constructor(
    private readonly api: ApiClient,
    /** Tells the app's district store (the home page title). */
    private readonly onSaved: (district: DistrictView) => void = () => {},
  ) {
    makeAutoObservable<OrgDistrictStore, 'api' | 'onSaved'>(this, { api: false, onSaved: false })
  }

  async load(): Promise<void> {
    this.loading = true
    this.loadError = null
    const res = await this.api.call('org', 'district', {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.fill(res.data.district)
      else this.loadError = res.error.message
    })
  }

  private fill(district: DistrictView | null): void {
    this.district = district
    this.name = district?.name ?? ''
    this.code = district?.code ?? ''
  }

  set(field: 'name' | 'code', value: string): void {
    this[field] = value
    this.saved = false
    delete this.errors[field]
  }

  async save(): Promise<boolean> {
    const code = this.code.trim()
    const parsed = orgSchemas.saveDistrict.safeParse({ name: this.name, ...(code ? { code } : {}) })
    this.error = null
    this.saved = false
    if (!parsed.success) {
      this.errors = byField(parsed.error.issues)
      return false
    }
    this.errors = {}
    this.saving = true
    const res = await this.api.call('org', 'saveDistrict', parsed.data)
    runInAction(() => {
      this.saving = false
      if (res.ok) {
        this.fill(res.data.district)
        this.saved = true
        this.onSaved(res.data.district)
      } else {
        this.error = res.error.message
      }
    })
    return res.ok
  }
}
