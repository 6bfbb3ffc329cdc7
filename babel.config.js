// babel-preset-taro builds the mini program and H5; jest reuses it so tests see the same code.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      { libraryName: '@nutui/nutui-react-taro', libraryDirectory: 'dist/es/packages', style: 'css', camel2DashComponentName: false },
      'nutui-react-taro',
    ],
  ],
}
