const { runCli } = require('./run-cli.cjs');

/** `@cookbook/functions-host:bundle`: src/main.ts → the file package.json "main" names. */
module.exports = (options, context) => runCli('bundle', options, context, ['external']);
