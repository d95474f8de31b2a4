/**
 * The ribbon's commands behind main.js (src/wps/ribbon.ts) on the fake WPS host: 打开审核助手 creates the pane
 * once and shows it again by the id kept in PluginStorage; 一键重算 and 清除标记 resolve with the message to show;
 * outside WPS, or in a build without CreateTaskPane, the message says so. Nothing rejects.
 */
import { clear, openPane, recompute } from '../../src/wps/ribbon';
import { FakeWpsApp } from '../fakes/wps';
import { sampleGrids } from '../helpers/grids';

const URL = 'https://addins.example.gov.cn/annex-audit-wps/taskpane.html';

it('打开审核助手: one pane, created at the built URL, shown again on the next click', async () => {
  const app = new FakeWpsApp();
  expect(await openPane(URL, app as never)).toBeNull();
  app.taskPanes[0]!.Visible = false;
  expect(await openPane(URL, app as never)).toBeNull();
  expect(app.taskPanes).toEqual([{ ID: 1, url: URL, Visible: true }]);
});

it('打开审核助手 outside WPS, or without CreateTaskPane, says so', async () => {
  expect(await openPane(URL, null)).toBe('未在 WPS 表格中运行，无法访问工作簿。请在 WPS 表格的“附件审核”选项卡中打开审核助手。');
  const app = new FakeWpsApp();
  Object.defineProperty(app, 'CreateTaskPane', { value: undefined });
  expect(await openPane(URL, app as never)).toContain('CreateTaskPane');
});

it('一键重算 then 清除标记 resolve with the outcome', async () => {
  const app = FakeWpsApp.fromGrids(await sampleGrids('incentive-2022.xlsx'));
  const message = await recompute(app as never);
  expect(message.split('\n').slice(0, 2)).toEqual(['已写入汇总表：汇总-研判统计、汇总-县市区事项、汇总-完成率、通报草稿、校验结果。', '校验完成：2 个错误、12 个警告、3 条提示。']);
  expect(app.workbook!.sheets.flatMap((s) => s.conditions).length).toBeGreaterThan(0);
  expect(await clear(app as never)).toBe('已清除标记。');
  expect(app.workbook!.sheets.flatMap((s) => s.conditions)).toEqual([]);
  const none = new FakeWpsApp();
  none.workbook = null;
  expect(await recompute(none as never)).toBe('WPS 表格中没有打开的工作簿。请先打开要校验的工作簿。');
});

describe.each([
  ['GetTaskPane returns a closed pane', false],
  ['GetTaskPane throws after the user closed the pane', true],
])('打开审核助手 after the user closed the pane (%s)', (_label, closedPaneThrows) => {
  it('shows a pane again, every time, without restarting WPS', async () => {
    const app = new FakeWpsApp({ closedPaneThrows });
    expect(await openPane(URL, app as never)).toBeNull();
    app.closePane(1);
    expect(await openPane(URL, app as never)).toBeNull();
    expect(app.taskPanes.filter((p) => p.Visible)).toHaveLength(1);
    const shown = app.taskPanes.find((p) => p.Visible)!;
    app.closePane(shown.ID);
    expect(await openPane(URL, app as never)).toBeNull();
    expect(app.taskPanes.filter((p) => p.Visible)).toHaveLength(1);
    // A new pane only when WPS lost the old one; its id is kept for the next click.
    expect(app.taskPanes).toHaveLength(closedPaneThrows ? 3 : 1);
    expect(app.storage.get('annex_audit_taskpane_id')).toBe(app.taskPanes.at(-1)!.ID);
  });
});
