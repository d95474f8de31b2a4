/**
 * @jest-environment jsdom
 *
 * Ribbon function commands (problems 6 and 8): the function file guards itself when Office.js is missing,
 * and `event.completed()` (which shuts the function-command runtime down, docs testing/runtimes.md) runs
 * only after the message dialog opened and was closed — never before the dialog is shown.
 */
import type { FakeExcelHost } from '../fakes/excel';
import { sampleHost } from '../excel/support';
import { until } from '../helpers/wait';

type Handler = () => void;

function officeShim(log: string[]): { closeDialog: () => void } {
  let onClose: Handler | null = null;
  const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
  office['AsyncResultStatus'] = { Succeeded: 'succeeded', Failed: 'failed' };
  office['EventType'] = { DialogEventReceived: 'dialogEventReceived' };
  office['actions'] = { associate: (name: string) => log.push(`associate:${name}`) };
  office['onReady'] = () => Promise.resolve({ host: 'Excel' });
  office['context'] = {
    ...(office['context'] as object),
    displayLanguage: 'zh-CN',
    document: { settings: { get: () => null } },
    ui: {
      displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
        log.push(`display:${new URL(url).searchParams.get('m')?.split('\n')[0] ?? ''}`);
        // Office answers asynchronously, after the dialog has opened.
        setTimeout(() => {
          log.push('dialog-open');
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (_type: string, h: Handler) => {
                onClose = h;
              },
            },
          });
        }, 10);
      },
    },
  };
  return {
    closeDialog: () => {
      log.push('dialog-closed');
      onClose?.();
    },
  };
}

describe('ribbon function commands', () => {
  let host: FakeExcelHost | null = null;
  afterEach(() => {
    host?.uninstall();
    host = null;
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('without Office.js (CDN blocked) the function file loads without throwing and registers nothing', () => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('../../src/commands/commands') as { register(): boolean };
      expect(mod.register()).toBe(false);
    });
  });

  it('registers both functions the manifest names, at load', async () => {
    host = await sampleHost('incentive-2022.xlsx');
    const log: string[] = [];
    officeShim(log);
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/commands/commands');
    });
    expect(log).toEqual(['associate:recomputeSummaries', 'associate:clearMarks']);
  });

  it('一键重算: the result dialog opens, and only after the user closes it does the command complete', async () => {
    host = await sampleHost('incentive-2022.xlsx');
    const log: string[] = [];
    const { closeDialog } = officeShim(log);
    let mod: { recomputeSummaries(e: { completed(): void }): Promise<void> } | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('../../src/commands/commands');
    });
    const done = mod?.recomputeSummaries({ completed: () => log.push('completed') });
    await until(() => log.includes('dialog-open'));
    // A moment more in which the command must not complete on its own (a grace period, not a race: it only waits).
    await new Promise((r) => setTimeout(r, 50));
    expect(log.filter((l) => !l.startsWith('associate'))).toEqual(['display:已写入汇总表：汇总-研判统计、汇总-县市区事项、汇总-完成率、通报草稿、校验结果。', 'dialog-open']);
    closeDialog();
    await done;
    expect(log.slice(-2)).toEqual(['dialog-closed', 'completed']);
  });

  it('清除标记 when no dialog can be shown: completes at once with nothing shown', async () => {
    host = await sampleHost('incentive-2022.xlsx');
    const log: string[] = [];
    officeShim(log);
    const office = (globalThis as unknown as { Office: { context: { ui: unknown } } }).Office;
    office.context.ui = {
      displayDialogAsync: (_u: string, _o: unknown, cb: (r: unknown) => void) => setTimeout(() => cb({ status: 'failed' }), 5),
    };
    let mod: { clearMarks(e: { completed(): void }): Promise<void> } | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('../../src/commands/commands');
    });
    await mod?.clearMarks({ completed: () => log.push('completed') });
    expect(log[log.length - 1]).toBe('completed');
  });
});
