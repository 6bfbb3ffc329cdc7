export { RootStore } from './root.store'
export { StoreProvider, useStores } from './context'
