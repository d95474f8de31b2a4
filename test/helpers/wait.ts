/**
 * Waiting in tests is on conditions, never on the clock: a loaded machine only makes a wait longer, and a hang is
 * ended by the test's own timeout.
 */

/** Resolves once `condition()` holds, checking between turns of the event loop. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}
