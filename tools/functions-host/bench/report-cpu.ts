/** Lets the benchmark ask a server process for its CPU time (stable even when the machine is busy). */
export function reportCpuOnRequest(): void {
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
}
