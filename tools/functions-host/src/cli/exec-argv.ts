/** This process's Node flags, with `--import <package>` loaders resolved here: a child may run in another folder. */
export function execArgvFromAnywhere(): string[] {
  return process.execArgv.map((arg, index) =>
    process.execArgv[index - 1] === '--import' && /^[@a-z]/i.test(arg)
      ? import.meta.resolve(arg)
      : arg,
  );
}
