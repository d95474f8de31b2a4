import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The real-world files of ../shared/corpus-cases (beside the repository, as in CI). */
export const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus-cases');

/** Whether ../shared/corpus-cases is there (a checkout without it still runs every other test). */
export const corpusAvailable = existsSync(CORPUS);

/**
 * Whether `suite`'s corpus tests can run; if not, one line on stderr saying which folder is missing, so that a
 * skipped corpus is never mistaken for a passing one (stderr, not console: jest drops a skipped suite's console).
 */
export function needCorpus(suite: string): boolean {
  if (!corpusAvailable) process.stderr.write(`${suite}: corpus tests skipped: ${CORPUS} is absent (the shared corpus-cases folder beside the repository).\n`);
  return corpusAvailable;
}

/** `describe` for tests that read the corpus; `describe.skip`, said once, without it. */
export function describeCorpus(suite: string): jest.Describe {
  return needCorpus(suite) ? describe : describe.skip;
}
