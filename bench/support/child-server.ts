import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * A server under load runs in its own process: a load generator in the same process would
 * take event-loop time from the server it measures, and the baseline gets the same treatment.
 */
export interface ChildServer {
  process: ChildProcess;
  /** Resolves with the first stdout match of `ready`. */
  ready: Promise<RegExpMatchArray>;
  /** The highest resident set size the process reached so far (VmHWM), in MB; null off Linux. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

export function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 120_000): ChildServer {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const readyPromise = new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not start in ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  return {
    process: child,
    ready: readyPromise,
    peakRssMb() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        return match ? Number(match[1]) / 1024 : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
      }),
  };
}
