/** lib/course/experiment-check: experiment exercises checked as a worker job (the page's). */
export * from './experiment-check.job';
