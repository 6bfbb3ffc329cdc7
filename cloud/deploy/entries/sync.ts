import { syncActionTable } from '../../functions/sync/sync.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('sync', syncActionTable)
