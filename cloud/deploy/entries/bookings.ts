import { bookingActions } from '../../functions/bookings/bookings.actions'
import { deskActions } from '../../functions/bookings/desk.actions'
import { homeVisitActions } from '../../functions/bookings/home-visits.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('bookings', { ...bookingActions, ...deskActions, ...homeVisitActions })
