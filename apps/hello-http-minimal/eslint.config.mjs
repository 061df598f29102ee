import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Tests run the built bundle through the local host (a tool). The root override's `apps/**`
    // glob does not match when ESLint runs from this folder, so restate it here.
    files: ['**/*.test.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          depConstraints: [
            { sourceTag: 'type:recipe', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
          ],
        },
      ],
    },
  },
];
