// Runs this tool's CLI (src/cli.ts) for an Nx executor, so recipes name a declared executor, not a path.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const CLI = join(__dirname, '../src/cli.ts');

/** Turns executor options into CLI flags: `port: 7071` → `--port 7071`, `auth: true` → `--auth`. */
function toFlags(options, names) {
  return names.flatMap((name) => {
    const value = options[name];
    const flag = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    if (value === undefined || value === false) return [];
    if (value === true) return [flag];
    if (Array.isArray(value)) return value.flatMap((item) => [flag, String(item)]);
    return [flag, String(value)];
  });
}

/** Spawns `tsx src/cli.ts <command> <projectRoot> …flags` and resolves with its exit status. */
function runCli(command, options, context, flagNames) {
  const projectRoot = join(
    context.root,
    context.projectsConfigurations.projects[context.projectName].root,
  );
  const tsx = require.resolve('tsx/cli');
  const args = [
    tsx,
    '--conditions=@cookbook/source',
    CLI,
    command,
    projectRoot,
    ...toFlags(options, flagNames),
  ];
  return new Promise((resolve) => {
    // Lets the CLI print `npx nx <target> <project> …` when it suggests a command to rerun.
    const env = {
      ...process.env,
      FUNCTIONS_HOST_NX_TASK: `${context.projectName}:${context.targetName}`,
    };
    const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: projectRoot, env });
    child.on('error', (error) => {
      console.error(`functions-host ${command}: ${error.message}`);
      resolve({ success: false });
    });
    child.on('exit', (code, signal) => resolve({ success: code === 0 || signal === 'SIGINT' }));
  });
}

module.exports = { runCli, toFlags };
