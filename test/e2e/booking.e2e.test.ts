import path from 'node:path'
import { chromiumSuite, describeWithChromium, nextServiceTuesday, SHOTS, text } from '../support/e2e'

jest.setTimeout(150_000)

describeWithChromium('booking a service day end to end in Chromium (H5 build)', () => {
  const day = nextServiceTuesday()
  // The host's clock starts that Tuesday at 08:30: the 09:00 slot is bookable and check-in is open.
  const suite = chromiumSuite({ clockStart: `${day}T08:30:00+08:00` })
  const { signIn } = suite

  it('holder books a slot and sees it in 我的预约; staff checks them in by card; seats follow', async () => {
    const holderToken = await suite.api.login('holder-demo')
    const { items } = await suite.api.data('stations', 'sessions', { from: day, to: day }, holderToken)
    const session = items.find((s: { station: { name: string } }) => s.station.name === '环翠区政务服务中心流动站')
    const slot = session.slots[0]
    expect(slot.booked).toBe(0)

    const holder = await signIn('holder-demo')
    await holder.locator('#entry-sessions').click()
    await holder.locator(`#slot-left-${slot.id}`).waitFor()
    expect((await text(holder, `slot-left-${slot.id}`)).trim()).toBe(String(slot.capacity))
    await holder.locator(`#slot-${slot.id}`).click()
    await holder.locator('#book-topic input').fill('厂房扩建用地规划咨询')
    await holder.locator('#book-submit').click()
    await holder.locator('#book-success').waitFor()
    await holder.screenshot({ path: path.join(SHOTS, 'booking-done.png') })

    const [booking] = (await suite.api.data('bookings', 'mine', {}, holderToken)).items
    expect(booking).toMatchObject({ slotId: slot.id, status: 'confirmed' })
    await holder.goto(`${suite.host.url}/#/pages/bookings/index`)
    await holder.locator(`#booking-status-${booking.id}`).filter({ hasText: '已预约' }).waitFor()
    await holder.goto(`${suite.host.url}/#/pages/sessions/index`)
    await holder.locator(`#slot-left-${slot.id}`).filter({ hasText: String(slot.capacity - 1) }).waitFor()

    await holder.goto(`${suite.host.url}/#/pages/card/index`)
    await holder.locator('#card-desktop-toggle').click() // 电脑端核验: the code as text, folded away
    const qr = (await holder.locator('#card-qr-text').innerText()).trim()

    const staff = await signIn('staff-demo')
    await staff.locator('#entry-desk').click()
    await staff.locator('#desk-checkin-input textarea').fill(qr)
    await staff.locator('#desk-checkin-submit').click()
    await staff.locator('#desk-checkin-result').filter({ hasText: '预约签到' }).waitFor()
    expect(await text(staff, 'desk-checkin-result')).toContain('威海海川科技有限公司')
    await staff.locator(`#roster-status-${booking.id}`).filter({ hasText: '已签到' }).waitFor()
    expect((await text(staff, 'desk-count-booked')).replace(/\s/g, '')).toMatch(/^1\//)
    await staff.screenshot({ path: path.join(SHOTS, 'booking-checked-in.png') })
  })
})
