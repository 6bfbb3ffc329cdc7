import { render, waitFor } from '@testing-library/react'
import { networkFailure } from '@/api/client'
import { ErrorNotice } from '@/components/ErrorNotice'
import DepartmentsPage from '@/packages/admin/pages/departments/index'
import LedgerPage from '@/packages/leader/pages/ledger/index'
import ProblemsPage from '@/packages/holder/pages/problems/index'
import { adminUser, FakeApi, holderUser, ok } from './fake-api'
import { departments } from './org-fixtures'
import { leaderUser, problemView } from './problem-fixtures'
import { click, expectNotice, renderPage } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const pageText = () => document.body.textContent ?? ''

/** Issue 15, defects 3 and 4: no code in what people read, 重试 where a load failed, never an error and "empty" at once. */
describe('ErrorNotice', () => {
  it('shows the message; the code only inside the collapsed 详情 fold; 重试 when given', async () => {
    const retry = jest.fn()
    render(<ErrorNotice error={{ code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' }} id='e' onRetry={retry} />)
    expect(text('e')).toBe('该时段已约满，请选择其他时段')
    expect(pageText()).not.toContain('SLOT_FULL')
    await click('e-retry')
    expect(retry).toHaveBeenCalledTimes(1)
    await click('e-details')
    expect(pageText()).toContain('错误代码：SLOT_FULL')
    await click('e-details')
    expect(pageText()).not.toContain('SLOT_FULL')
  })

  it('renders nothing without an error, and no 重试 without a callback', () => {
    const { container, rerender } = render(<ErrorNotice error={null} id='e' />)
    expect(container.textContent).toBe('')
    rerender(<ErrorNotice error={{ code: 'FORBIDDEN', message: '没有权限执行此操作' }} id='e' />)
    expect(document.getElementById('e-retry')).toBeNull()
  })
})

describe('a list that cannot load', () => {
  it('holder 我的诉求 offline: 网络连接不可用 with 重试, no empty state; 重试 loads it', async () => {
    let online = false
    const api = new FakeApi().on('problems.mine', () => (online ? ok({ items: [problemView()] }) : networkFailure()))
    const { store } = await renderPage(<ProblemsPage />, api, holderUser)
    await waitFor(() => expectNotice('problems-error', 'NETWORK_UNAVAILABLE'))
    expect(text('problems-error')).toBe('网络连接不可用，请检查网络后重试')
    expect(pageText()).not.toContain('还没有提交过诉求')

    online = true
    await click('problems-error-retry')
    await waitFor(() => expect(document.getElementById(`problem-${problemView().id}`)).toBeTruthy())
    expect(document.getElementById('problems-error')).toBeNull()
    store.dispose()
  })

  it('the ledger (ProblemList) shows its error or its empty state, never both', async () => {
    let online = false
    const api = new FakeApi()
      .on('problems.directory', () => ok({ departments: [], leaders: [] }))
      .on('problems.list', () => (online ? ok({ items: [], nextCursor: null }) : networkFailure()))
    const { store } = await renderPage(<LedgerPage />, api, leaderUser)
    await waitFor(() => expectNotice('problems-error', 'NETWORK_UNAVAILABLE'))
    expect(pageText()).not.toContain('没有符合条件的诉求')

    online = true
    await click('problems-error-retry')
    await waitFor(() => expect(pageText()).toContain('没有符合条件的诉求'))
    expect(document.getElementById('problems-error')).toBeNull()
    store.dispose()
  })

  it('an administrator page (部门管理) offline: the message, 重试, no 还没有部门; 重试 lists them', async () => {
    let online = false
    const api = new FakeApi().on('org.departments', () => (online ? ok({ items: departments }) : networkFailure()))
    const { store } = await renderPage(<DepartmentsPage />, api, adminUser)
    await waitFor(() => expect(text('departments-error')).toBe('网络连接不可用，请检查网络后重试'))
    expect(pageText()).not.toContain('还没有部门')

    online = true
    await click('departments-error-retry')
    await waitFor(() => expect(document.getElementById(`department-${departments[0].id}`)).toBeTruthy())
    expect(document.getElementById('departments-error')).toBeNull()
    store.dispose()
  })
})
