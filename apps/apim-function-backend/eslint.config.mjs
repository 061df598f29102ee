import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Tests run the bundle through the local host (a tool); the root override's `apps/**` glob
    // does not match when ESLint runs from this folder.
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
