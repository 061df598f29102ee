// `@cookbook/recipes:serve`: a recipe's local services, then the local host, so recipes name an executor, not a path.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const CLI = join(__dirname, '../src/cli.ts');
const FLAGS = { port: '--port', host: '--host', auth: '--auth', drainTimeout: '--drain-timeout' };

module.exports = (options, context) => {
  const args = Object.entries(FLAGS).flatMap(([name, flag]) => {
    const value = options[name];
    if (value === undefined || value === false) return [];
    return value === true ? [flag] : [flag, String(value)];
  });
  const tsx = require.resolve('tsx/cli');
  const child = spawn(
    process.execPath,
    [tsx, '--conditions=@cookbook/source', CLI, 'serve', context.projectName, ...args],
    {
      stdio: 'inherit',
      cwd: context.root,
    },
  );
  return new Promise((resolve) => {
    child.on('error', () => resolve({ success: false }));
    child.on('exit', (code, signal) => resolve({ success: code === 0 || signal === 'SIGINT' }));
  });
};
