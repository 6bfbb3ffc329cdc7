import { stationActions } from '../../functions/stations/stations.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('stations', stationActions)
