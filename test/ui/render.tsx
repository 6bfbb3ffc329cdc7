import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { RootStore, StoreProvider } from '@/stores'
import type { UserView } from '@/core/auth/roles'
import { FakeApi, ok } from './fake-api'

/** Renders a page with the real RootStore on a fake network, signed in as `user`. */
export async function renderPage(page: ReactElement, api: FakeApi, user: UserView | null) {
  if (user) api.on('auth.me', () => ok({ user }))
  const store = new RootStore(api)
  await store.session.refreshMe()
  store.session.ready = true
  const view = render(<StoreProvider store={store}>{page}</StoreProvider>)
  return { store, ...view }
}
