/** The findings on the untouched samples (as test/samples and test/profileB assert them), for variants built from the samples. */
import type { Expected } from './sheets';

export const SAMPLE_A = 'incentive-2022.xlsx';
export const SAMPLE_B = 'keywork-2024.xlsx';

export const EXPECTED_A: Expected = [
  ['附件2', 'C14', 'cross/key-item-extra', 'warning'],
  ['附件2', 'C14', 'cross/key-item-missing', 'warning'],
  ['附件3', 'A3', 'cross/marker-count', 'error'],
  ['附件3', 'B34', 'cell/required', 'warning'],
  ['附件3', 'E40', 'units/alias-applied', 'info'],
  ['附件3', 'E40', 'units/alias-applied', 'info'],
  ['附件3', 'J48', 'cell/history-blank', 'warning'],
  ['附件3', 'F54', 'cell/history-blank', 'warning'],
  ['附件3', 'F63', 'cell/history-blank', 'warning'],
  ['附件4', 'C20', 'cell/required', 'warning'],
  ['附件4', 'C24', 'text/count-sum-ambiguous', 'warning'],
  ['附件4', 'C37', 'text/breakdown-sum', 'warning'],
  ['附件4', 'C45', 'text/count-sum-ambiguous', 'warning'],
  ['附件4', 'C45', 'text/repeated-passage', 'info'],
  ['附件4', 'E60', 'cell/invalid-date', 'error'],
  ['附件5', 'B25', 'dup/liaison', 'warning'],
  ['附件5', 'C69', 'cell/malformed-date', 'warning'],
];

export const EXPECTED_B: Expected = [
  ['附件2', 'I19', 'livelihood/not-quantifiable', 'info'],
  ['附件2', 'I20', 'livelihood/not-quantifiable', 'info'],
  ['附件2', 'I31', 'livelihood/not-quantifiable', 'info'],
  ['附件2', 'I32', 'livelihood/not-quantifiable', 'info'],
  ['附件2', 'I34', 'livelihood/not-quantifiable', 'info'],
  ['附件2', 'G42', 'livelihood/unit-continued', 'info'],
  ['附件2', 'G48', 'livelihood/unit-continued', 'info'],
];

/** Move expected cells as a sheet's rows or columns moved. */
export function moved(e: Expected, sheet: string, move: (cell: string) => string): Expected {
  return e.map(([s, c, code, sev]) => [s, s === sheet ? move(c) : c, code, sev] as const);
}
