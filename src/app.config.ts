export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/sessions/index',
    'pages/card/index',
    'pages/mine/index',
    'pages/sessions/book',
    'pages/sessions/home-visit',
    'pages/bookings/index',
    'pages/problems/index',
    'pages/problems/submit',
    'pages/problems/detail',
    'pages/inbox/index',
    'pages/ratings/index',
    'pages/desktop/approve',
  ],
  // Role pages live in subpackages so the holders' main package stays small. The problem detail page is shared by every
  // role and stays in the main package.
  subPackages: [
    { root: 'packages/staff', name: 'staff', pages: ['pages/verify/index', 'pages/desk/index', 'pages/home-visits/index', 'pages/problems/index'] },
    { root: 'packages/admin', name: 'admin', pages: ['pages/cards/index', 'pages/issue/index', 'pages/stations/index', 'pages/dispatch/index', 'pages/appeals/index', 'pages/org/index', 'pages/departments/index', 'pages/people/index', 'pages/commissioners/index', 'pages/calendar/index', 'pages/audit/index'] },
    { root: 'packages/handler', name: 'handler', pages: ['pages/inbox/index', 'pages/rectifications/index'] },
    { root: 'packages/commissioner', name: 'commissioner', pages: ['pages/assignees/index'] },
    { root: 'packages/leader', name: 'leader', pages: ['pages/ledger/index', 'pages/dashboard/index', 'pages/report/index', 'pages/scores/index'] },
  ],
  // 附近优先: the sessions page asks for the location once, on the holder's tap.
  permission: { 'scope.userLocation': { desc: '用于按距离排列附近的流动服务站' } },
  requiredPrivateInfos: ['getLocation'],
  window: {
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
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/sessions/index', text: '预约服务' },
      { pagePath: 'pages/card/index', text: '服务卡' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
})
