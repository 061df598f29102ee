const { runCli } = require('./run-cli.cjs');

/** `@cookbook/functions-host:start`: run the built app like `func start`. */
module.exports = (options, context) =>
  runCli('start', options, context, ['port', 'host', 'auth', 'drainTimeout']);
