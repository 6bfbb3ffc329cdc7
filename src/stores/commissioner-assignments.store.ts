import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { HolderView } from '@/core/card/card.schema'
import type { CommissionerAssignmentView, PersonView } from '@/core/org/org.schema'

/**
 * 特派员联系对象: who looks after which enterprise, project or talent. The commissioners come from `org.people`
 * (role commissioner), the holders from the card list the admin's 服务卡管理 uses (`cards.list`), revoked cards left
 * out. Created by the admin page (subpackage).
 */
export class CommissionerAssignmentsStore {
  items: CommissionerAssignmentView[] = []
  commissioners: PersonView[] = []
  holders: HolderView[] = []
  loaded = false
  loading = false
  error: string | null = null

  commissionerId: string | null = null
  holderId: string | null = null
  /** Narrows the holder chips by name. */
  holderQuery = ''
  assigning = false
  assignError: string | null = null
  /** `${commissionerId}:${holderId}` of the assignment being removed. */
  removing: string | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<CommissionerAssignmentsStore, 'api'>(this, { api: false })
  }

  get filteredHolders(): HolderView[] {
    const query = this.holderQuery.trim()
    return query ? this.holders.filter((holder) => holder.name.includes(query)) : this.holders
  }

  /** Assignments grouped by commissioner, in the order of the commissioners list. */
  get byCommissioner(): Array<{ commissionerId: string; commissionerName: string; items: CommissionerAssignmentView[] }> {
    const groups = new Map<string, { commissionerId: string; commissionerName: string; items: CommissionerAssignmentView[] }>()
    for (const item of this.items) {
      const group = groups.get(item.commissionerId) ?? { commissionerId: item.commissionerId, commissionerName: item.commissionerName, items: [] }
      group.items.push(item)
      groups.set(item.commissionerId, group)
    }
    return [...groups.values()]
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const [assignments, people, cards] = await Promise.all([
      this.api.call('org', 'commissionerAssignments', {}),
      this.api.call('org', 'people', { role: 'commissioner' }),
      this.api.call('cards', 'list', {}),
    ])
    runInAction(() => {
      this.loading = false
      this.loaded = true
      const failed = [assignments, people, cards].find((res) => !res.ok)
      if (failed && !failed.ok) this.error = failed.error.message
      if (assignments.ok) this.items = assignments.data.items
      if (people.ok) this.commissioners = people.data.items.filter((person) => person.active)
      if (cards.ok) {
        const holders = new Map<string, HolderView>()
        for (const item of cards.data.items) if (item.card.status !== 'revoked') holders.set(item.holder.id, item.holder)
        this.holders = [...holders.values()]
      }
    })
  }

  selectCommissioner(id: string): void {
    this.commissionerId = this.commissionerId === id ? null : id
    this.assignError = null
  }

  selectHolder(id: string): void {
    this.holderId = this.holderId === id ? null : id
    this.assignError = null
  }

  setHolderQuery(query: string): void {
    this.holderQuery = query
  }

  async assign(): Promise<boolean> {
    const { commissionerId, holderId } = this
    if (!commissionerId || !holderId) {
      this.assignError = !commissionerId ? '请选择特派员' : '请选择联系对象'
      return false
    }
    this.assigning = true
    this.assignError = null
    const res = await this.api.call('org', 'assignCommissioner', { commissionerId, holderId })
    runInAction(() => {
      this.assigning = false
      if (res.ok) {
        const added = res.data.assignment
        this.items = [...this.items.filter((item) => !(item.commissionerId === added.commissionerId && item.holderId === added.holderId)), added]
        this.holderId = null
      } else {
        this.assignError = res.error.message
      }
    })
    return res.ok
  }

  /** Returns null on success, the Chinese message otherwise. */
  async unassign(item: CommissionerAssignmentView): Promise<string | null> {
    const key = `${item.commissionerId}:${item.holderId}`
    this.removing = key
    const payload = { commissionerId: item.commissionerId, holderId: item.holderId }
    const res = await this.api.call('org', 'unassignCommissioner', payload)
    runInAction(() => {
      this.removing = null
      if (res.ok) this.items = this.items.filter((x) => !(x.commissionerId === item.commissionerId && x.holderId === item.holderId))
    })
    return res.ok ? null : res.error.message
  }
}
