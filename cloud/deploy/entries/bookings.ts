import { bookingsArea } from '../../functions/bookings/bookings.area'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('bookings', bookingsArea)
