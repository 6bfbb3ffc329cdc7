// Layers of tests, one jest project each. ESM-only packages are let through babel; everything else is left alone.
const esm = ['@tarojs', '@stencil', '@nutui', '@noble', '@scure', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'nanoid', 'swiper', 'ssr-window', 'dom7']
const transformIgnorePatterns = [`node_modules/(?!(${esm.join('|')})/)`]
const base = { transformIgnorePatterns, moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'], transform: { '\\.(m?js|tsx?)$': 'babel-jest' } }

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  projects: [
    { ...base, displayName: 'core', testEnvironment: 'node', testMatch: ['<rootDir>/src/core/**/*.test.ts', '<rootDir>/test/arch/**/*.test.ts'] },
    { ...base, displayName: 'cloud', testEnvironment: 'node', testMatch: ['<rootDir>/test/cloud/**/*.test.ts'] },
    {
      ...base,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/ui/setup-env.js'],
      // Also let through files nested deeper inside those packages (e.g. @tarojs/components bundles its own tslib ESM).
      transformIgnorePatterns: [`^(?!.*/node_modules/(${esm.join('|')})/)(?!.*\\.mjs$).*/node_modules/`],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/ui/taro-shim.ts',
        '^lodash-es$': 'lodash',
        '^lodash-es/(.*)$': 'lodash/$1',
        '\\.(css|scss)$': '<rootDir>/test/ui/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
    },
    // Size budget of the weapp builds (dist/weapp and dist/weapp-cloud are built before jest runs).
    { ...base, displayName: 'budget', testEnvironment: 'node', testMatch: ['<rootDir>/test/budget/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
}
