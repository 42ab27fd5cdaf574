/** Progress lines for long benchmark set-ups (stderr, so result tables stay clean on stdout). */
export function progress(label: string, done: number, total: number, startedAt: number): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.error(
    `  … ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${seconds} s)`,
  );
}

/** Announces a phase of a benchmark. */
export function phase(label: string): void {
  console.error(`== ${label}`);
}
