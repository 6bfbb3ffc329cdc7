export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/sessions/index',
    'pages/card/index',
    'pages/mine/index',
    // Pushed WeChat messages and stored 消息中心 links open these two (src/core/notification): their paths stay, as
    // stubs that hand over to the pages in the holder and user subpackages (src/utils/links.ts).
    'pages/bookings/index',
    'pages/problems/detail',
  ],
  // Every other page lives in a subpackage, so the main package holds the tab pages and what starts the app.
  subPackages: [
    { root: 'packages/holder', name: 'holder', pages: ['pages/bookings/index', 'pages/sessions/book', 'pages/sessions/home-visit', 'pages/problems/index', 'pages/problems/submit', 'pages/ratings/index'] },
    { root: 'packages/user', name: 'user', pages: ['pages/inbox/index', 'pages/desktop/approve', 'pages/problem/detail'] },
    { root: 'packages/staff', name: 'staff', pages: ['pages/verify/index', 'pages/desk/index', 'pages/home-visits/index', 'pages/problems/index'] },
    { root: 'packages/admin', name: 'admin', pages: ['pages/cards/index', 'pages/issue/index', 'pages/stations/index', 'pages/dispatch/index', 'pages/appeals/index', 'pages/org/index', 'pages/departments/index', 'pages/people/index', 'pages/commissioners/index', 'pages/calendar/index', 'pages/audit/index', 'pages/sync-flags/index', 'pages/forums/index'] },
    { root: 'packages/handler', name: 'handler', pages: ['pages/inbox/index', 'pages/rectifications/index'] },
    { root: 'packages/commissioner', name: 'commissioner', pages: ['pages/assignees/index'] },
    // 政策直通车: holders read, search and ask; administrators and handlers write, publish and withdraw.
    { root: 'packages/policy', name: 'policy', pages: ['pages/index/index', 'pages/detail/index', 'pages/profile/index', 'pages/manage/index', 'pages/edit/index'] },
    // 企业评判问卷: holders answer, administrators build, publish and close (results are in leader, beside the charts);
    // holders sign up for the quarterly 政企座谈会 and raise topics (administrators run it from admin's forums page).
    { root: 'packages/survey', name: 'survey', pages: ['pages/index/index', 'pages/answer/index', 'pages/build/index', 'pages/forum/index'] },
    { root: 'packages/leader', name: 'leader', pages: ['pages/ledger/index', 'pages/dashboard/index', 'pages/report/index', 'pages/scores/index', 'pages/survey-results/index'] },
  ],
  // Downloaded in the background once the home page is up, so their pages open as fast as from the main package.
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['holder', 'user'] } },
  // 附近优先: the sessions page asks for the location once, on the holder's tap.
  permission: { 'scope.userLocation': { desc: '用于按距离排列附近的流动服务站' } },
  requiredPrivateInfos: ['getLocation'],
  // Components are injected when a page renders them, not all at start.
  lazyCodeLoading: 'requiredComponents',
  // H5 without the slide between pages: Taro's router shades the page left behind 300 ms after leaving it, and does not
  // cancel that when 返回 comes sooner, so a quick 返回 showed a blank home page. WeChat animates on its own.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    // H5 only: Taro's own bar (the page's title; back, or 首页 on a page opened by a link). WeChat draws its own.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '流动政务服务站',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // The second and third tabs are 工作台 and 消息 for people without a card (src/utils/role-tabs.ts).
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/sessions/index', text: '预约服务', iconPath: 'assets/tab/sessions.png', selectedIconPath: 'assets/tab/sessions-active.png' },
      { pagePath: 'pages/card/index', text: '服务卡', iconPath: 'assets/tab/card.png', selectedIconPath: 'assets/tab/card-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
})
