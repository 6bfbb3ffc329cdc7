import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('bookings', async () => ({ actions: (await import('../../functions/bookings/bookings.area')).bookingsArea }))
