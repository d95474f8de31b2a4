/** The kind's behaviour: its reading and its rules (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { parseReportText } from './read';
import { crossReport } from './cross';

export const annex: KindModule<'report-text'> = {
  kind: 'report-text',
  readSheet: (grid, { sink, dateYear }) => parseReportText(grid, sink, dateYear),
  rules: [crossReport],
};
