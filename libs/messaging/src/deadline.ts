/**
 * Settles with `work`, or rejects with `onTimeout()` after `ms`. The work is not cancelled (a send
 * already on the wire may still land), which is why a timed-out publish means "unknown", not "lost".
 */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  // The loser must not surface as an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
