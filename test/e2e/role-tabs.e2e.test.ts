import { PHONE } from '../support/browser'
import { chromiumSuite, describeWithChromium, nextServiceTuesday } from '../support/e2e'

jest.setTimeout(120_000)

describeWithChromium('no dead end for people without a card (issue 15, defect 2)', () => {
  const day = nextServiceTuesday()
  // The host's clock starts that Tuesday at 08:30: the 09:00 slot is open for booking.
  const suite = chromiumSuite({ clockStart: `${day}T08:30:00+08:00` })

  it('a newcomer is offered activation before the booking form; staff get 工作台 and 消息 with their own icons, not the holder tabs', async () => {
    const token = await suite.api.login('role-tabs-newcomer')
    const { items } = await suite.api.data('stations', 'sessions', { from: day, to: day }, token)
    const slot = items.find((s: { station: { name: string } }) => s.station.name === '环翠区政务服务中心流动站').slots[0]
    const context = await suite.browser.newContext(PHONE)
    await context.addInitScript((value) => localStorage.setItem('session.token', JSON.stringify({ data: value })), token)
    const newcomer = await context.newPage()
    await newcomer.goto(`${suite.host.url}/#/pages/sessions/index`)
    await newcomer.locator(`#slot-${slot.id}`).click()
    await newcomer.getByText('预约需要服务卡').waitFor()
    await newcomer.getByText('去激活', { exact: true }).click()
    await newcomer.locator('#activate-input').waitFor()
    expect(await newcomer.locator('#book-submit').count()).toBe(0)

    const staff = await suite.signIn('staff-demo')
    const tabs = staff.locator('.taro-tabbar__tabbar')
    await tabs.getByText('工作台', { exact: true }).click()
    await staff.locator('#work-entry-verify').waitFor()
    expect(await tabs.getByText('服务卡', { exact: true }).count()).toBe(0)
    expect(await tabs.getByText('预约服务', { exact: true }).count()).toBe(0)
    await tabs.getByText('消息', { exact: true }).click()
    await staff.locator('#messages-panel').waitFor()
    expect(await staff.locator('#card-go-activate').count()).toBe(0)
    // Their own icons, drawn (loaded) rather than the calendar and card of the holder tabs.
    const icons = () =>
      tabs.locator('img.weui-tabbar__icon').evaluateAll((images) => images.map((i) => [(i as HTMLImageElement).getAttribute('src'), (i as HTMLImageElement).naturalWidth]))
    await staff.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('img.weui-tabbar__icon')).every((i) => i.complete))
    expect((await icons()).slice(1, 3)).toEqual([
      [expect.stringMatching(/\/work\.png$/), 48],
      [expect.stringMatching(/\/message-active\.png$/), 48],
    ])
  })
})
