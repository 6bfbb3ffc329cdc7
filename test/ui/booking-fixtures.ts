import type { BookingView, HomeVisitView, RosterBookingView } from '@/core/booking/booking.schema'
import type { SessionView, StationView } from '@/core/station/station.schema'
import { enterpriseCard } from './fake-api'

/** Stations, sessions and bookings as the backend returns them (times as instants; 2030 so nothing is in the past). */
export const huancui: StationView = {
  id: '11111111-1111-4111-8111-111111111111',
  name: '环翠区政务服务中心流动站',
  area: '鲸园街道',
  address: '威海市环翠区新威路17号',
  latitude: 37.5131,
  longitude: 122.1206,
  contactPhone: '0631-5225000',
}

export const zhangcun: StationView = {
  ...huancui,
  id: '22222222-2222-4222-8222-222222222222',
  name: '张村镇流动政务服务站',
  area: '张村镇',
  address: '威海市环翠区张村镇政府一楼',
}

export function session(over: Partial<SessionView> & { id: string; date: string }): SessionView {
  const station = over.station ?? huancui
  return {
    stationId: station.id,
    station,
    kind: 'station',
    status: 'scheduled',
    start: '09:00',
    end: '10:00',
    slotMinutes: 30,
    departmentIds: [],
    staffIds: [],
    fixedDayId: null,
    cancelReason: null,
    slots: [],
    ...over,
  }
}

// 2030-03-12 is a Tuesday; 09:00 Shanghai = 01:00Z.
export const tuesday = session({
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  date: '2030-03-12',
  distanceKm: 1.2,
  slots: [
    { id: 'bbbbbbbb-0000-4000-8000-000000000001', start: '2030-03-12T01:00:00.000Z', end: '2030-03-12T01:30:00.000Z', capacity: 5, booked: 2 },
    { id: 'bbbbbbbb-0000-4000-8000-000000000002', start: '2030-03-12T01:30:00.000Z', end: '2030-03-12T02:00:00.000Z', capacity: 3, booked: 3 },
  ],
})

export const tuesdayFinance = session({
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  date: '2030-03-12',
  station: zhangcun,
  kind: 'finance',
  start: '14:00',
  end: '14:30',
  distanceKm: 8.5,
  slots: [{ id: 'bbbbbbbb-0000-4000-8000-000000000003', start: '2030-03-12T06:00:00.000Z', end: '2030-03-12T06:30:00.000Z', capacity: 10, booked: 0 }],
})

export const thursdayCancelled = session({
  id: 'aaaaaaaa-0000-4000-8000-000000000003',
  date: '2030-03-14',
  status: 'cancelled',
  cancelReason: '场地检修',
  slots: [{ id: 'bbbbbbbb-0000-4000-8000-000000000004', start: '2030-03-14T01:00:00.000Z', end: '2030-03-14T01:30:00.000Z', capacity: 5, booked: 1 }],
})

export function booking(over: Partial<BookingView> & { id: string }): BookingView {
  return {
    holderId: enterpriseCard.holder.id,
    slotId: tuesday.slots[0].id,
    sessionId: tuesday.id,
    status: 'confirmed',
    topic: '项目立项咨询',
    problemText: null,
    start: tuesday.slots[0].start,
    end: tuesday.slots[0].end,
    createdAt: '2030-03-01T02:00:00.000Z',
    changedAt: null,
    place: { stationId: huancui.id, stationName: huancui.name, address: huancui.address, kind: 'station', sessionStatus: 'scheduled' },
    ...over,
  }
}

export function rosterBooking(over: Partial<RosterBookingView> & { id: string }): RosterBookingView {
  return { ...booking(over), holderName: enterpriseCard.holder.name, contactName: '张经理', contactPhone: '138****5678', ...over }
}

export const homeVisit: HomeVisitView = {
  id: 'cccccccc-0000-4000-8000-000000000001',
  holderId: enterpriseCard.holder.id,
  status: 'scheduled',
  address: '威海市环翠区张村镇创业大街6号',
  topic: '环评手续',
  problemText: null,
  preferredDates: ['2030-03-20', '2030-03-21'],
  holderName: enterpriseCard.holder.name,
  date: '2030-03-21',
  staffIds: ['u-staff', 'u-staff-2'],
  createdAt: '2030-03-01T02:00:00.000Z',
}
