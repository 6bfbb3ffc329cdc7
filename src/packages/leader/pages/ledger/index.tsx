import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ErrorNotice } from '@/components/ErrorNotice'
import { ProblemList } from '@/components/ProblemList'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { useStores } from '@/stores'
import { ProblemDirectoryStore } from '@/stores/problem-directory.store'
import { ProblemListStore, type ProblemFilters } from '@/stores/problem-list.store'
import { CATEGORY_LABELS, CATEGORY_ORDER, PROBLEM_STATUS_ORDER, STATUS_LABELS } from '@/utils/problem-labels'
import { useFreshList } from '@/utils/use-fresh-list'

function Chip(props: { id: string; active: boolean; onClick: () => void; children: string }) {
  return (
    <View id={props.id} className={`chip chip-small ${props.active ? 'chip-active' : ''}`} {...tappable(props.onClick, { pressed: props.active })}>
      {props.children}
    </View>
  )
}

/** Filters given in the page's query: `?overdue=1` opens the overdue ledger (the dashboard's 超期台帐), `?escalated=1`. */
function routeFilters(): ProblemFilters {
  let params: Record<string, string | undefined> = {}
  try {
    params = (Taro.getCurrentInstance()?.router?.params ?? {}) as Record<string, string | undefined>
  } catch {
    params = {}
  }
  const on = (value: string | undefined) => value === '1' || value === 'true'
  const filters: ProblemFilters = {}
  if (on(params.overdue)) filters.overdue = true
  if (on(params.escalated)) filters.escalated = true
  return filters
}

/**
 * 诉求台帐 for leaders (and admins): filters by status, department, category, responsible leader, 仅超期, 仅专报;
 * keyset 加载更多; tap → detail with the whole timeline.
 * Filter ids: filter-status-<all|status>, filter-department-<all|id>, filter-category-<all|key>, filter-leader-<all|id>,
 * filter-overdue, filter-escalated.
 */
function LedgerPage() {
  const { session, api } = useStores()
  const [list] = useState(() => new ProblemListStore(api, routeFilters()))
  const [directory] = useState(() => new ProblemDirectoryStore(api))
  const allowed = session.hasRole('leader') || session.hasRole('admin')
  const [filtersOpen, setFiltersOpen] = useState(false)

  useFreshList(allowed, list)
  useEffect(() => {
    // Loads once; the filters' department and leader names.
    if (allowed) void directory.load()
  }, [allowed, directory])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='诉求台帐仅限区领导和管理员查看' /></Page>

  const f = list.filters
  const dir = directory.directory
  // The four lists of chips fill a phone's screen before the first problem (issue 15, defect 10): folded, with what
  // they are set to in one line; 仅超期 and 仅专报 stay at hand.
  const chosen = [
    f.status && STATUS_LABELS[f.status],
    f.category && CATEGORY_LABELS[f.category],
    f.departmentId && (dir?.departments.find((d) => d.id === f.departmentId)?.name ?? '所选部门'),
    f.leaderId && (dir?.leaders.find((l) => l.id === f.leaderId)?.name ?? '所选领导'),
  ].filter((part): part is string => Boolean(part))
  return (
    <Page>
      <View className='section' id='ledger-filters'>
        <View className='row'>
          <View className='hint'>
            <View id='ledger-filters-summary'>{chosen.length ? chosen.join(' · ') : '全部状态、类别、部门和领导'}</View>
            {list.total && (
              <View id='ledger-total'>
                {list.total.more ? `超过 ${list.total.count} 条诉求` : `共 ${list.total.count} 条诉求`}
              </View>
            )}
          </View>
          <View className='chip chip-small' id='ledger-filters-toggle' {...tappable(() => setFiltersOpen(!filtersOpen), { expanded: filtersOpen })}>
            {filtersOpen ? '收起筛选' : '筛选'}
          </View>
        </View>
        {filtersOpen && (
          <View>
            <View className='filter-group'>
              <View className='field-label'>状态</View>
              <View className='btn-wrap'>
                <Chip id='filter-status-all' active={!f.status} onClick={() => void list.setFilter('status', undefined)}>
                  全部
                </Chip>
                {PROBLEM_STATUS_ORDER.map((status) => (
                  <Chip key={status} id={`filter-status-${status}`} active={f.status === status} onClick={() => void list.setFilter('status', status)}>
                    {STATUS_LABELS[status]}
                  </Chip>
                ))}
              </View>
            </View>
            <View className='filter-group'>
              <View className='field-label'>类别</View>
              <View className='btn-wrap'>
                <Chip id='filter-category-all' active={!f.category} onClick={() => void list.setFilter('category', undefined)}>
                  全部
                </Chip>
                {CATEGORY_ORDER.map((category) => (
                  <Chip key={category} id={`filter-category-${category}`} active={f.category === category} onClick={() => void list.setFilter('category', category)}>
                    {CATEGORY_LABELS[category]}
                  </Chip>
                ))}
              </View>
            </View>
            {dir && (
              <View className='filter-group'>
                <View className='field-label'>责任部门</View>
                <View className='btn-wrap'>
                  <Chip id='filter-department-all' active={!f.departmentId} onClick={() => void list.setFilter('departmentId', undefined)}>
                    全部
                  </Chip>
                  {dir.departments.map((department) => (
                    <Chip
                      key={department.id}
                      id={`filter-department-${department.id}`}
                      active={f.departmentId === department.id}
                      onClick={() => void list.setFilter('departmentId', department.id)}
                    >
                      {department.name}
                    </Chip>
                  ))}
                </View>
              </View>
            )}
            {dir && dir.leaders.length > 0 && (
              <View className='filter-group'>
                <View className='field-label'>责任领导</View>
                <View className='btn-wrap'>
                  <Chip id='filter-leader-all' active={!f.leaderId} onClick={() => void list.setFilter('leaderId', undefined)}>
                    全部
                  </Chip>
                  {dir.leaders.map((leader) => (
                    <Chip key={leader.id} id={`filter-leader-${leader.id}`} active={f.leaderId === leader.id} onClick={() => void list.setFilter('leaderId', leader.id)}>
                      {leader.name}
                    </Chip>
                  ))}
                </View>
              </View>
            )}
          </View>
        )}
        <View className='btn-wrap'>
          <Chip id='filter-overdue' active={Boolean(f.overdue)} onClick={() => void list.setFilter('overdue', !f.overdue)}>
            仅超期
          </Chip>
          <Chip id='filter-escalated' active={Boolean(f.escalated)} onClick={() => void list.setFilter('escalated', !f.escalated)}>
            仅专报
          </Chip>
        </View>
        {directory.error && (
          <ErrorNotice error={directory.error} id='ledger-directory-error' onRetry={() => void directory.load()} retrying={directory.loading} />
        )}
      </View>
      <ProblemList list={list} empty='没有符合条件的诉求' />
    </Page>
  )
}

export default observer(LedgerPage)
