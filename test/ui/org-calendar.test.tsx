import { waitFor } from '@testing-library/react'
import CalendarPage from '@/packages/admin/pages/calendar/index'
import { adminUser, FakeApi, ok } from './fake-api'
import { calendarView } from './org-fixtures'
import { click, renderPage, typeInto } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? null

/** The page takes this year from the clock: 2026-12-03 10:00 in Shanghai, so 2026 and 2027. */
async function renderAt(api: FakeApi) {
  const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-03T02:00:00.000Z'))
  const view = await renderPage(<CalendarPage />, api, adminUser)
  now.mockRestore()
  return view
}

function calendarApi() {
  return new FakeApi()
    .on('org.calendar', ({ year }) =>
      ok({
        calendar:
          year === 2027
            ? calendarView({
                year: 2027,
                source: 'chinese-days',
                confirmed: false,
                confirmedAt: null,
                confirmedByName: null,
                days: [
                  { date: '2027-02-08', off: true, name: '春节' },
                  { date: '2027-01-01', off: true, name: '元旦' },
                  { date: '2027-02-07', off: false, name: '春节' },
                ],
              })
            : calendarView({ days: [{ date: '2026-10-01', off: true, name: '国庆节' }] }),
      }),
    )
    .on('org.saveCalendar', ({ year, days }) =>
      ok({
        calendar: calendarView({
          year,
          source: 'district',
          confirmed: true,
          confirmedAt: '2026-12-03T02:05:00.000Z',
          confirmedByName: '王管理员',
          days,
        }),
      }),
    )
}

describe('节假日安排', () => {
  afterEach(() => jest.restoreAllMocks())

  it('shows this year confirmed, and the next as unconfirmed data, with the November notice hint', async () => {
    const api = calendarApi()
    const { store } = await renderAt(api)
    await waitFor(() => expect(text('calendar-source')).toBe('已确认'))
    expect(api.callsOf('org.calendar')[0].payload).toEqual({ year: 2026 })
    expect(text('calendar-confirmed')).toBe('王管理员 于 2025年11月20日 周四 10:00 确认')
    expect(document.getElementById('calendar-day-2026-10-01')).toBeTruthy()
    expect(text('calendar-hint')).toContain('11月')
    expect(document.getElementById('calendar-year-2028')).toBeNull()

    await click('calendar-year-2027')
    await waitFor(() => expect(text('calendar-source')).toContain('待确认'))
    expect(api.callsOf('org.calendar')[1].payload).toEqual({ year: 2027 })
    expect(document.getElementById('calendar-day-2026-10-01')).toBeNull()
    // Sorted by date, 休 and 班 as the data says.
    const days = Array.from(document.querySelectorAll('[id^="calendar-day-"]')).map((el) => el.id.replace('calendar-day-', ''))
    expect(days).toEqual(['2027-01-01', '2027-02-07', '2027-02-08'])
    expect(text('calendar-toggle-2027-02-07')).toBe('班')
    expect(text('calendar-toggle-2027-02-08')).toBe('休')
    store.dispose()
  })

  it('saves the edited days of the shown year: toggled, removed and added (休 on a weekday, 班 on a weekend)', async () => {
    const api = calendarApi()
    const { store } = await renderAt(api)
    await click('calendar-year-2027')
    await waitFor(() => expect(document.getElementById('calendar-day-2027-02-08')).toBeTruthy())

    await click('calendar-remove-2027-01-01')
    await click('calendar-toggle-2027-02-08')
    expect(text('calendar-toggle-2027-02-08')).toBe('班')

    // A date of another year and a malformed one are refused at the field.
    await typeInto('calendar-add-date', '2026-10-08')
    await click('calendar-add')
    expect(text('calendar-add-error')).toBe('日期须在2027年内')
    await typeInto('calendar-add-date', '2027-02-30')
    await click('calendar-add')
    expect(text('calendar-add-error')).toBe('请输入有效的日期，如 2027-10-01，或点「＋ 选择日期」')

    await typeInto('calendar-add-date', '2027-05-03')
    await click('calendar-add')
    await typeInto('calendar-add-date', '2027-02-20')
    await click('calendar-add')
    expect(document.getElementById('calendar-add-error')).toBeNull()
    expect(text('calendar-toggle-2027-05-03')).toBe('休')
    expect(text('calendar-toggle-2027-02-20')).toBe('班')

    await click('calendar-save')
    await waitFor(() => expect(text('calendar-saved')).toBe('已确认2027年节假日安排'))
    expect(api.callsOf('org.saveCalendar').map((call) => call.payload)).toEqual([
      {
        year: 2027,
        days: [
          { date: '2027-02-07', off: false },
          { date: '2027-02-08', off: false },
          { date: '2027-02-20', off: false },
          { date: '2027-05-03', off: true },
        ],
      },
    ])
    expect(text('calendar-source')).toBe('已确认')
    store.dispose()
  })

  it('shows the server message when saving fails', async () => {
    const api = calendarApi().on('org.saveCalendar', () => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: '最多80个调整日' } }))
    const { store } = await renderAt(api)
    await waitFor(() => expect(text('calendar-source')).toBe('已确认'))
    await click('calendar-save')
    await waitFor(() => expect(text('calendar-error')).toBe('最多80个调整日'))
    expect(api.callsOf('org.saveCalendar')[0].payload).toEqual({ year: 2026, days: [{ date: '2026-10-01', off: true }] })
    expect(document.getElementById('calendar-saved')).toBeNull()
    store.dispose()
  })
})
