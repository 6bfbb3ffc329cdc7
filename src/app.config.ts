export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/sessions/index',
    'pages/card/index',
    'pages/mine/index',
    'pages/sessions/book',
    'pages/sessions/home-visit',
    'pages/bookings/index',
  ],
  // Role pages live in subpackages so the holders' main package stays small. Later: handler, leader, commissioner.
  subPackages: [
    { root: 'packages/staff', name: 'staff', pages: ['pages/verify/index', 'pages/desk/index', 'pages/home-visits/index'] },
    { root: 'packages/admin', name: 'admin', pages: ['pages/cards/index', 'pages/issue/index', 'pages/stations/index'] },
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
