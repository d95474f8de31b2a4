import { join } from 'node:path';

/** The real-world files of ../shared/corpus-cases (beside the repository, as in CI). */
export const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus-cases');
