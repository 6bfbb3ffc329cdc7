// babel-preset-taro builds the mini program and H5; jest reuses it so tests see the same code.
// NutUI components are imported one by one (with their CSS): `Button` → dist/es/packages/button (+ style/css).
const nutui = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
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
