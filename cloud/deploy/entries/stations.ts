import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('stations', async () => ({ actions: (await import('../../functions/stations/stations.actions')).stationActions }))
