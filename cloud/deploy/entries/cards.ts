import { cardActions } from '../../functions/cards/cards.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('cards', cardActions)
