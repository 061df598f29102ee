const { runCli } = require('./run-cli.cjs');

/** `@cookbook/functions-host:serve`: bundle, start, rebuild and restart on changes. */
module.exports = (options, context) =>
  runCli('serve', options, context, ['port', 'host', 'auth', 'drainTimeout', 'func', 'external']);
