const path = require('node:path')
// babel-preset-taro builds the mini program and H5; jest reuses it so tests see the same code.
// NutUI components are imported one by one (with their CSS): `Button` → dist/es/packages/button (+ style/css).
const nutui = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`
// The mini program ships what this writes (project.config.json keeps WeChat's own ES5 compile off: it would turn the
// card's BigInt `2n ** 256n` into Math.pow, which throws). Its floor is the offline card's BigInt arithmetic: iOS 14's
// JavaScriptCore, WeChat's V8 on Android. test/budget/weapp-syntax.test.ts checks every shipped file against it.
const WEAPP_TARGETS = { ios: '14', android: '67' }
// H5 has the same floor (the card page's BigInt): Safari/WKWebView 14 (WeChat's browser on iOS), Chromium 67 (WeChat's
// XWeb on Android, Chrome, Edge, 360). Babel's default for Taro (iOS 9, Android 5) wrote ES5 with helpers and regenerator.
const H5_TARGETS = { ...WEAPP_TARGETS, chrome: '67' }
const targets = { weapp: WEAPP_TARGETS, h5: H5_TARGETS }[process.env.TARO_ENV]
const taroComponent = (name) => `${path.join(__dirname, 'config/taro-component-loader.js')}?${name}!@tarojs/components/lib/react/components.js`
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(targets ? { targets } : {}) }]],
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
    // H5: Taro's components one module each (config/taro-component-loader.js), so a page holds only those it renders.
    ...(process.env.TARO_ENV === 'h5' ? [['import', { libraryName: '@tarojs/components', camel2DashComponentName: false, customName: taroComponent }, 'taro-components']] : []),
  ],
}
