import type { ActionTable } from './action'
import { authActions } from './auth/auth.actions'
import { cardActions } from './cards/cards.actions'

/** Every backend area and its actions: one cloud function per area in WeChat, `/api/<area>` locally. */
export const AREAS = {
  auth: authActions,
  cards: cardActions,
} satisfies Record<string, ActionTable>

export type Area = keyof typeof AREAS
