import path from 'node:path'
import { chromiumSuite, describeWithChromium, nextServiceTuesday, shot, SHOTS, text } from '../support/e2e'

jest.setTimeout(180_000)

describeWithChromium('a bad rating end to end in Chromium (H5 build)', () => {
  const day = nextServiceTuesday()
  // The host's clock and the pages' clock: that Tuesday, after the 09:00 slot was served. The scores page starts at
  // the pages' current month: the same month as the host's, even when that Tuesday is next month.
  const suite = chromiumSuite({ clockStart: `${day}T08:30:00+08:00`, pageClock: true })
  const { signIn } = suite

  it('holder rates a visit with 办理效果 at 不满意 → the department sees the task → the leader sees the bad rating in its scores', async () => {
    // A visit: the holder books the 09:00 slot, staff checks them in at the desk with the card's QR token.
    const holderToken = await suite.api.login('holder-demo')
    const staffToken = await suite.api.login('staff-demo')
    const { items: sessions } = await suite.api.data('stations', 'sessions', { from: day, to: day }, holderToken)
    const session = sessions.find((s: { station: { name: string } }) => s.station.name === '环翠区政务服务中心流动站')
    await suite.api.data('bookings', 'create', { slotId: session.slots[0].id, topic: '企业投资项目备案咨询', idempotencyKey: 'e2e-rating-booking-1' }, holderToken)
    const [{ card }] = (await suite.api.data('cards', 'mine', {}, holderToken)).items
    const { qr } = await suite.api.data('cards', 'token', { cardId: card.id }, holderToken)
    const { visit } = await suite.api.data('bookings', 'checkIn', { sessionId: session.id, qr }, staffToken)

    // The holder rates it from 待评价: 服务态度 and 办理质量 满意, 办理效果 不满意.
    const holder = await signIn('holder-demo')
    await holder.locator('#entry-ratings').click()
    await holder.locator(`#pending-rate-${visit.id}`).click()
    await holder.locator('#rate-attitude-4').click()
    await holder.locator('#rate-quality-4').click()
    await holder.locator('#rate-effectiveness-2').click()
    await holder.locator('#rate-bad-hint').waitFor()
    await holder.locator('#rate-comment textarea').fill('备案材料要求前后不一致，跑了两趟')
    await holder.locator('#rating-card').screenshot({ path: path.join(SHOTS, 'rating-card.png') })
    await holder.locator('#rate-submit').click()
    await holder.locator('#rate-bad-note').waitFor()
    expect(await text(holder, 'rate-bad-note')).toContain('1个工作日内')

    const [rating] = (await suite.api.data('ratings', 'mine', {}, holderToken)).items.filter((r: { targetId: string }) => r.targetId === visit.id)
    expect(rating).toMatchObject({ attitude: 4, quality: 4, effectiveness: 2, bad: true, comment: '备案材料要求前后不一致，跑了两趟' })
    expect(rating.departmentName).toMatch(/^区行政审批/)
    await holder.locator(`#rating-${rating.id}`).waitFor()
    await expect(holder.locator(`#pending-${visit.id}`).count()).resolves.toBe(0)
    expect(await text(holder, `rating-scores-${rating.id}-effectiveness`)).toContain('不满意（2）')
    await shot(holder, 'rating-bad-submitted.png')

    // The handler of that department finds the task, with the rating and the deadlines, and records the return visit.
    const handler = await signIn('handler-approval')
    await handler.locator('#entry-handler-rectifications').click()
    await handler.locator(`#rect-${rating.id}`).waitFor()
    expect(await text(handler, `rect-status-${rating.id}`)).toBe('待回访')
    expect(await text(handler, `rect-comment-${rating.id}`)).toBe('备案材料要求前后不一致，跑了两趟')
    expect(await text(handler, `rect-scores-${rating.id}-effectiveness`)).toContain('不满意（2）')
    expect(await text(handler, `rect-deadline-visit-${rating.id}`)).toMatch(/前$/)
    await shot(handler, 'rating-rectification-task.png')
    await handler.locator(`#rect-visit-${rating.id}`).click()
    await handler.locator('#rect-note textarea').fill('已电话联系张海，备案材料清单将一次性告知')
    await handler.locator('#rect-submit').click()
    await handler.locator(`#rect-status-${rating.id}`).filter({ hasText: '已回访待整改' }).waitFor()
    await handler.locator(`#rect-rectify-${rating.id}`).waitFor()

    // The leader sees the bad rating on that department's scores of the month.
    const leaderToken = await suite.api.login('leader-demo')
    const { departments } = await suite.api.data('problems', 'directory', {}, leaderToken)
    const approval = departments.find((d: { name: string }) => d.name.startsWith('区行政审批'))
    const leader = await signIn('leader-demo')
    await leader.locator('#entry-leader-scores').click()
    await leader.locator(`#score-dept-${approval.id}`).waitFor()
    expect(await text(leader, 'score-month')).toBe(`${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月`)
    expect((await text(leader, `score-dept-bad-${approval.id}`)).trim()).toBe('1')
    expect((await text(leader, `score-dept-rate-${approval.id}`)).trim()).toBe('0.0%')
    expect((await text(leader, `score-dept-effectiveness-${approval.id}`)).trim()).toBe('2.0')
    await shot(leader, 'rating-leader-scores.png')
  })
})
