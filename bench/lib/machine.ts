/** The machine a bench ran on, and the open-file limit that decides how many clients fit. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  date: string;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  openFileLimit: number;
}

/** The soft limit on open files a child process gets (each client and each server socket is one). */
export function openFileLimit(): number {
  const text = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  return text === 'unlimited' ? Number.POSITIVE_INFINITY : Number(text);
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    openFileLimit: openFileLimit(),
  };
}

/** Resident memory of a running process (VmRSS in /proc), in bytes: for servers the bench cannot ask over IPC. */
export function processRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** The machine's 1-, 5- and 15-minute load averages as a bench started and ended. */
export interface LoadAverages {
  before: number[];
  after: number[];
}

/** Notes the load average now; call the result when done for before and after. */
export function watchLoad(): () => LoadAverages {
  const before = os.loadavg();
  return () => ({ before, after: os.loadavg() });
}

export function describeLoad({ before, after }: LoadAverages): string {
  const text = (load: number[]) => load.map((l) => l.toFixed(1)).join(' / ');
  return `load average ${text(before)} before, ${text(after)} after`;
}
