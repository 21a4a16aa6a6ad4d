/**
 * A process's CPU time (user + system) in seconds, read from Linux's /proc/<pid>/stat, and how long
 * its main thread has been running or ready to run (/proc/<pid>/schedstat); undefined elsewhere or
 * once the process is gone. The grader limits each exercise by CPU time, and code that waits
 * without computing by the time its main thread slept, so that a busy machine does not turn a slow
 * but honest answer into a time-out (and two runs agree).
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the project runs on

/** CPU seconds `pid` has used, or undefined if /proc cannot tell. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Seconds the main thread of `pid` has spent running or waiting in the run queue for a CPU (the
 * first two fields of /proc/<pid>/schedstat, in nanoseconds), or undefined if /proc cannot tell.
 * Wall time minus this is the time the thread slept: waiting on a timer, a promise or I/O, not on
 * a busy machine.
 */
export function mainThreadScheduledSeconds(pid) {
  try {
    const [running, waiting] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return running !== undefined && waiting !== undefined && Number.isFinite(running + waiting) ? (running + waiting) / 1e9 : undefined;
  } catch {
    return undefined;
  }
}
