import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // Fixtures are apps under test; some are deliberately broken.
  { ignores: ['test-fixtures/**'] },
];
