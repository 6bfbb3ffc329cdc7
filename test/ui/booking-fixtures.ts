import type { BookingView, HomeVisitView, RosterBookingView } from '@/core/booking/booking.schema'
import type { SessionView, StationView } from '@/core/station/station.schema'
import { enterpriseCard } from './fake-api'

/** Stations, sessions and bookings as the backend returns them (times as instants; 2030 so nothing is in the past). */
export const yanjiao: StationView = {
  id: '11111111-1111-4111-8111-111111111111',
  name: '燕郊高新区流动服务站',
  area: '燕郊高新区',
  address: '燕郊高新区迎宾路188号',
  latitude: 39.9526,
  longitude: 116.829,
  contactPhone: '0316-5551234',
}

export const juyang: StationView = {
  ...yanjiao,
  id: '22222222-2222-4222-8222-222222222222',
  name: '泃阳镇流动服务站',
  area: '泃阳镇',
  address: '泃阳镇政府便民服务中心',
}

export function session(over: Partial<SessionView> & { id: string; date: string }): SessionView {
  const station = over.station ?? yanjiao
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
  station: juyang,
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
    place: { stationId: yanjiao.id, stationName: yanjiao.name, address: yanjiao.address, kind: 'station', sessionStatus: 'scheduled' },
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
  address: '燕郊高新区创业大街6号',
  topic: '环评手续',
  problemText: null,
  preferredDates: ['2030-03-20', '2030-03-21'],
  holderName: enterpriseCard.holder.name,
  date: '2030-03-21',
  staffIds: ['u-staff', 'u-staff-2'],
  createdAt: '2030-03-01T02:00:00.000Z',
}
