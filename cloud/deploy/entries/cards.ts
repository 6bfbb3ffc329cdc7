import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('cards', async () => ({ actions: (await import('../../functions/cards/cards.actions')).cardActions }))
