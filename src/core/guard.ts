/**
 * The guard every check runs in: a check that throws becomes one finding instead of stopping the audit. Its own
 * module (not audit.ts), so that the profiles and rules the audit runs do not import the audit back.
 */
import type { FindingSink } from './finding';

/** Runs one check; a throw becomes one `engine/rule-failed` finding on the check's own sheet. */
export type Guard = <T>(sheet: string, rule: string, run: () => T) => T | undefined;

export function makeGuard(sink: FindingSink): Guard {
  return <T>(sheet: string, rule: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch {
      sink.add('engine/rule-failed', { sheet, cell: 'A1' }, { rule });
      return undefined;
    }
  };
}
