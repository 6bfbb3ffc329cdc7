import { bookingSchemas } from './booking.schema'

const uuid = '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
const uuid2 = '5d8f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'

describe('booking schemas', () => {
  it('creates a booking with a topic, optional problem text and an idempotency key', () => {
    const input = { slotId: uuid, topic: ' 咨询高企认定 ', idempotencyKey: 'key_12345678' }
    expect(bookingSchemas.create.parse(input).topic).toBe('咨询高企认定')
    expect(bookingSchemas.create.safeParse({ ...input, problemText: '厂房环评手续进度' }).success).toBe(true)
    expect(bookingSchemas.create.safeParse({ ...input, idempotencyKey: 'short' }).success).toBe(false)
    expect(bookingSchemas.create.safeParse({ ...input, topic: '' }).success).toBe(false)
    expect(bookingSchemas.create.safeParse({ ...input, problemText: 'x'.repeat(2001) }).success).toBe(false)
    expect(bookingSchemas.create.safeParse({ ...input, holderId: uuid }).success).toBe(false)
  })

  it('cancels, reschedules, marks no-shows by id', () => {
    expect(bookingSchemas.cancel.safeParse({ bookingId: uuid }).success).toBe(true)
    expect(bookingSchemas.reschedule.safeParse({ bookingId: uuid, slotId: uuid2 }).success).toBe(true)
    expect(bookingSchemas.reschedule.safeParse({ bookingId: uuid }).success).toBe(false)
    expect(bookingSchemas.markNoShow.safeParse({ bookingId: 'x' }).success).toBe(false)
    expect(bookingSchemas.mine.safeParse({ status: 'confirmed' }).success).toBe(true)
    expect(bookingSchemas.mine.safeParse({ status: 'gone' }).success).toBe(false)
  })

  it('checks in with a session and a scanned card token', () => {
    expect(bookingSchemas.checkIn.safeParse({ sessionId: uuid, qr: 'LDZW1.abc.def' }).success).toBe(true)
    expect(bookingSchemas.checkIn.safeParse({ sessionId: uuid, qr: ' ' }).success).toBe(false)
    expect(bookingSchemas.checkIn.safeParse({ sessionId: uuid, qr: 'x'.repeat(513) }).success).toBe(false)
  })

  it('requests a home visit with 1 to 3 distinct preferred dates', () => {
    const input = { address: '威海市环翠区张村镇某某路8号', topic: '用工招聘', preferredDates: ['2026-10-15'], idempotencyKey: 'key_12345678' }
    expect(bookingSchemas.requestHomeVisit.safeParse(input).success).toBe(true)
    expect(bookingSchemas.requestHomeVisit.safeParse({ ...input, preferredDates: ['2026-10-15', '2026-10-16', '2026-10-19'] }).success).toBe(true)
    const tooMany = bookingSchemas.requestHomeVisit.safeParse({ ...input, preferredDates: ['2026-10-15', '2026-10-16', '2026-10-19', '2026-10-20'] })
    expect(tooMany.error?.issues[0].message).toBe('最多选择3个期望日期')
    expect(bookingSchemas.requestHomeVisit.safeParse({ ...input, preferredDates: [] }).error?.issues[0].message).toBe('请至少选择1个期望日期')
    expect(bookingSchemas.requestHomeVisit.safeParse({ ...input, preferredDates: ['2026-10-15', '2026-10-15'] }).error?.issues[0].message).toBe('期望日期不能重复')
    expect(bookingSchemas.requestHomeVisit.safeParse({ ...input, preferredDates: ['2026-02-30'] }).success).toBe(false)
    expect(bookingSchemas.requestHomeVisit.safeParse({ ...input, address: '' }).success).toBe(false)
  })

  it('schedules a home visit with a date and distinct staff', () => {
    const input = { requestId: uuid, date: '2026-10-15', staffIds: [uuid2] }
    expect(bookingSchemas.scheduleHomeVisit.safeParse(input).success).toBe(true)
    expect(bookingSchemas.scheduleHomeVisit.safeParse({ ...input, staffIds: [] }).error?.issues[0].message).toBe('请至少指派1名工作人员')
    expect(bookingSchemas.scheduleHomeVisit.safeParse({ ...input, staffIds: [uuid2, uuid2] }).success).toBe(false)
    expect(bookingSchemas.scheduleHomeVisit.safeParse({ ...input, date: '10/15' }).success).toBe(false)
    expect(bookingSchemas.cancelHomeVisit.safeParse({ requestId: uuid }).success).toBe(false)
    expect(bookingSchemas.completeHomeVisit.safeParse({ requestId: uuid }).success).toBe(true)
  })
})
