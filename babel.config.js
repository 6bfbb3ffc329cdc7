// babel-preset-taro builds the mini program and H5; jest reuses it so tests see the same code.
// NutUI components are imported one by one (with their CSS): `Button` → dist/es/packages/button (+ style/css).
const nutui = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`
// The mini program ships what this writes (project.config.json keeps WeChat's own ES5 compile off: it would turn the
// card's BigInt `2n ** 256n` into Math.pow, which throws). Its floor is the offline card's BigInt arithmetic: iOS 14's
// JavaScriptCore, WeChat's V8 on Android. test/budget/weapp-syntax.test.ts checks every shipped file against it.
const WEAPP_TARGETS = { ios: '14', android: '67' }
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(process.env.TARO_ENV === 'weapp' ? { targets: WEAPP_TARGETS } : {}) }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => nutui(name),
        customStyleName: (name) => `${nutui(name)}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
