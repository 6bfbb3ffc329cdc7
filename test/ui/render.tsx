import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import { RootStore, StoreProvider } from '@/stores'
import type { UserView } from '@/core/auth/roles'
import type { Uploader } from '@/api/upload'
import { FakeApi, ok } from './fake-api'

/** Renders a page with the real RootStore on a fake network, signed in as `user`. */
export async function renderPage(page: ReactElement, api: FakeApi, user: UserView | null, uploader?: Uploader) {
  if (user) api.on('auth.me', () => ok({ user }))
  const store = new RootStore(api, uploader)
  await store.session.refreshMe()
  store.session.ready = true
  const view = render(<StoreProvider store={store}>{page}</StoreProvider>)
  return { store, ...view }
}

/** Types into a Taro H5 input/textarea as a person does: into the native element the custom element renders. */
export async function typeInto(id: string, value: string) {
  const host = document.getElementById(id)
  if (!host) throw new Error(`#${id} not rendered`)
  await waitFor(() => expect(host.querySelector('input, textarea')).toBeTruthy())
  const field = host.querySelector('input, textarea') as HTMLInputElement
  await act(async () => {
    field.value = value
    fireEvent.input(field, { target: { value } })
  })
}

export async function click(id: string) {
  const element = document.getElementById(id)
  if (!element) throw new Error(`#${id} not rendered`)
  await act(async () => {
    fireEvent.click(element)
  })
}

/**
 * A failure shown by ErrorNotice: its message with no code in the text people read, the code kept for support in the
 * element's data-code (and the collapsed 详情 fold).
 */
export function expectNotice(id: string, code: string) {
  const element = document.getElementById(id)
  expect(element).toBeTruthy()
  expect(element!.getAttribute('data-code')).toBe(code)
  expect(element!.textContent).not.toContain(code)
}

/** Picks a value in a Taro Picker (`<id>-picker`) as the platform picker does: its change event with the value. */
export async function pick(id: string, value: string) {
  const picker = document.getElementById(`${id}-picker`)
  if (!picker) throw new Error(`#${id}-picker not rendered`)
  await act(async () => {
    fireEvent(picker, new CustomEvent('change', { detail: { value } }))
  })
}
