import { bookingActions } from './bookings.actions'
import { deskActions } from './desk.actions'
import { homeVisitActions } from './home-visits.actions'

/** The bookings area: the holder's bookings, the station desk and home visits, one table for the host and the cloud. */
export const bookingsArea = { ...bookingActions, ...deskActions, ...homeVisitActions }
