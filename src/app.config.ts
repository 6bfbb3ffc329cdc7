export default defineAppConfig({
  pages: ['pages/index/index', 'pages/card/index', 'pages/mine/index'],
  // Role pages live in subpackages so the holders' main package stays small. Later: handler, leader, commissioner.
  subPackages: [
    { root: 'packages/staff', name: 'staff', pages: ['pages/verify/index'] },
    { root: 'packages/admin', name: 'admin', pages: ['pages/cards/index', 'pages/issue/index'] },
  ],
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
      { pagePath: 'pages/card/index', text: '服务卡' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
})
