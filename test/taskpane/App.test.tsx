/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { auditWorkbook, buildSummaryPlans, type Lang, type SettingsInput, summaryChartViews } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { type AuditView, PaneError, type PaneServices, type StepReporter } from '../../src/taskpane/services/types';
import { sampleGrids } from '../helpers/grids';

// The actions run the real checker on the samples: wait on what the pane shows for as long as a loaded machine
// needs (testing-library's default is 1 s); only a hang reaches the limit.
configure({ asyncUtilTimeout: 30_000 });

beforeAll(() => {
  // Fluent UI measures with ResizeObserver, which jsdom lacks.
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  // The samples are read with the file reader, which decodes zip entry names; jsdom lacks TextDecoder.
  Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });
});

async function sampleView(settings: SettingsInput = {}): Promise<AuditView> {
  const audit = auditWorkbook(await sampleGrids('incentive-2022.xlsx'), settings);
  return { profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts };
}

/** A fake of the Excel-mode services: real audit results, recorded calls, injectable failures. */
function excelServices(overrides: Partial<PaneServices> = {}): PaneServices & { calls: string[] } {
  const calls: string[] = [];
  return {
    mode: 'excel',
    calls,
    async check(settings: SettingsInput, _lang: Lang, step: StepReporter) {
      calls.push(`check ${JSON.stringify(settings)}`);
      step('reading');
      return sampleView(settings);
    },
    async summarize() {
      calls.push('summarize');
      return { sheets: ['汇总-研判统计', '校验结果 (2)'], renamed: [{ wanted: '校验结果', name: '校验结果 (2)' }] };
    },
    async clearMarks() {
      calls.push('clear');
    },
    async selectCell(sheet: string, cell: string) {
      calls.push(`select ${sheet}!${cell}`);
    },
    async loadSettings() {
      return {};
    },
    async saveSettings() {
      calls.push('save');
      return 'workbook';
    },
    ...overrides,
  };
}

/** Render and let the pane's initial settings load settle (inside act). */
async function renderPane(services: PaneServices): Promise<ReturnType<typeof render>> {
  let result: ReturnType<typeof render> | undefined;
  await act(async () => {
    result = render(
      <FluentProvider theme={webLightTheme}>
        <App services={services} />
      </FluentProvider>,
    );
  });
  if (!result) throw new Error('render failed');
  return result;
}

describe('task pane (Excel mode)', () => {
  it('offers 校验, 重算汇总 and 清除标记 in zh-CN by default', async () => {
    await renderPane(excelServices());
    expect(screen.getByRole('heading', { name: '附件审核助手' })).toBeTruthy();
    for (const name of ['校验', '重算汇总', '清除标记']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '打开工作簿' })).toBeNull();
  });

  it('校验 shows the counts and the findings grouped by sheet, each naming its cell', async () => {
    const user = userEvent.setup();
    await renderPane(excelServices());
    await user.click(screen.getByRole('button', { name: '校验' }));
    expect(await screen.findByText('校验完成：2 个错误、12 个警告、3 条提示。')).toBeTruthy();
    const sheet4 = await screen.findByRole('region', { name: '附件4' }); // the list comes with its chunk (issue 21)
    expect(within(sheet4).getByText('日期“28月16日”不存在（2022年）。')).toBeTruthy();
    expect(within(sheet4).getByRole('button', { name: '转到 附件4!E60' })).toBeTruthy();
  });

  it('in Excel mode the summary charts show under the counts, drawn from the chart plans, in the pane language', async () => {
    const user = userEvent.setup();
    const audit = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
    await renderPane(excelServices({ check: async () => ({ ...(await sampleView()), charts: summaryChartViews(audit) }) }));
    await user.click(screen.getByRole('button', { name: '校验' }));
    const charts = await screen.findByTestId('summary-charts');
    expect(within(charts).getByText('汇总图表（2）')).toBeTruthy();
    const tally = within(charts).getByRole('img', { name: '各牵头单位研判等级分布' });
    // One bar per unit and rating with a value (the plan's figures), the unit's total beside it.
    const plan = buildSummaryPlans(audit).find((p) => p.id === 'tally');
    const first = plan?.rows[4]?.[0]?.value;
    expect(first).toBe('州发改委');
    expect(tally.querySelectorAll('title')[0]?.textContent).toBe('州发改委 · 很有可能: 1');
    expect(within(charts).getByRole('img', { name: '各牵头单位考核指标完成率（由高到低，末行为合计）' }).textContent).toContain('64%');
  });

  it('filters by severity', async () => {
    const user = userEvent.setup();
    await renderPane(excelServices());
    await user.click(screen.getByRole('button', { name: '校验' }));
    await screen.findByRole('region', { name: '附件4' });
    await user.click(screen.getByRole('tab', { name: '错误' }));
    const goto = screen.getAllByRole('button', { name: /^转到 / }).map((b) => b.getAttribute('aria-label'));
    expect(goto.sort()).toEqual(['转到 附件3!A3', '转到 附件4!E60']);
  });

  it('clicking a finding selects its cell in Excel', async () => {
    const user = userEvent.setup();
    const services = excelServices();
    await renderPane(services);
    await user.click(screen.getByRole('button', { name: '校验' }));
    await user.click(await screen.findByRole('button', { name: '转到 附件4!E60' }));
    expect(services.calls).toContain('select 附件4!E60');
  });

  it('重算汇总 reports the sheets written and a name clash in plain words', async () => {
    const user = userEvent.setup();
    await renderPane(excelServices());
    await user.click(screen.getByRole('button', { name: '重算汇总' }));
    expect(await screen.findByText(/已写入汇总表：汇总-研判统计、校验结果 \(2\)。.*已有同名工作表“校验结果”，汇总写入“校验结果 \(2\)”。/)).toBeTruthy();
  });

  it('shows a catalogue message for a known failure and never a raw exception', async () => {
    const user = userEvent.setup();
    await renderPane(
      excelServices({
        async clearMarks() {
          throw new PaneError('工作表“附件1”受保护，无法写入。');
        },
        async summarize() {
          throw new TypeError("Cannot read properties of undefined (reading 'load')");
        },
      }),
    );
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    expect(await screen.findByText('工作表“附件1”受保护，无法写入。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '重算汇总' }));
    expect(await screen.findByText(/发生意外错误，操作未完成/)).toBeTruthy();
    expect(screen.queryByText(/Cannot read properties/)).toBeNull();
  });

  it('the 必有1个名额 setting is passed to the check and saved with the workbook', async () => {
    const user = userEvent.setup();
    const services = excelServices();
    await renderPane(services);
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByRole('switch', { name: '注明“必有1个名额”的事项计为很有可能' }));
    await waitFor(() => expect(services.calls).toContain('save'));
    await user.click(screen.getByRole('button', { name: '校验' }));
    await screen.findByRole('region', { name: '附件1' });
    expect(services.calls.some((c) => c.includes('"guaranteedQuotaIsVeryLikely":false'))).toBe(true);
  });

  it('the aliases box shows the saved aliases even when they load after the pane, and leaving it untouched saves nothing', async () => {
    const user = userEvent.setup();
    const saved: SettingsInput[] = [];
    let loaded: (s: SettingsInput) => void = () => undefined;
    const services = excelServices({
      loadSettings: () => new Promise<SettingsInput>((resolve) => (loaded = resolve)),
      async saveSettings(s: SettingsInput) {
        saved.push(s);
        return 'workbook';
      },
    });
    await renderPane(services);
    await user.click(await screen.findByRole('button', { name: '设置' }));
    const box = await screen.findByRole('textbox', { name: '园区→县市别名（每行“园区=县市”）' });
    await act(async () => loaded({ countyAliases: { 测试园区: '泸溪县' } }));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('测试园区=泸溪县'));
    await user.click(box);
    await user.tab();
    expect(saved).toEqual([]);
    // What is typed is saved when the box is left, over the saved aliases.
    await user.click(box);
    await user.type(box, '{Enter}另一园区=凤凰县');
    await user.tab();
    await waitFor(() => expect(saved).toEqual([{ countyAliases: { 测试园区: '泸溪县', 另一园区: '凤凰县' } }]));
    expect((box as HTMLTextAreaElement).value).toBe('测试园区=泸溪县\n另一园区=凤凰县');
  });

  it('a self-test that cannot run says so', async () => {
    const user = userEvent.setup();
    await renderPane(excelServices({ selfTest: () => Promise.reject(new Error('ChunkLoadError: Loading chunk 7 failed.')) }));
    await user.click(await screen.findByRole('button', { name: '自检' }));
    await user.click(await screen.findByRole('button', { name: '运行自检' }));
    expect((await screen.findByRole('alert')).textContent).toBe('自检未能运行。请重试；若仍失败，请关闭任务窗格后重新打开。');
    expect(screen.queryByText(/ChunkLoadError/)).toBeNull();
    expect(screen.getByRole('button', { name: '运行自检' })).toBeTruthy();
  });

  it('switches to en-US', async () => {
    const user = userEvent.setup();
    await renderPane(excelServices());
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '界面语言' }), 'en-US');
    expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Checked: 2 errors, 12 warnings, 3 notes.')).toBeTruthy();
  });
});

describe('task pane (file mode)', () => {
  it('opens a workbook chosen with 打开工作簿 and checks it', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    const services: PaneServices = {
      mode: 'file',
      async openFile(f: File) {
        opened.push(f.name);
        return f.name;
      },
      check: async () => sampleView(),
      download: async () => 'x-审核结果.xlsx',
      loadSettings: async () => ({}),
      saveSettings: async () => 'browser',
    };
    const { container } = await renderPane(services);
    expect(screen.getByRole('button', { name: '校验' }).hasAttribute('disabled')).toBe(true);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File([new Uint8Array([1, 2, 3])], '同事报送.xlsx'));
    expect(await screen.findByText(/已打开“同事报送.xlsx”/)).toBeTruthy();
    expect(opened).toEqual(['同事报送.xlsx']);
    expect(screen.getByRole('region', { name: '附件4' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '下载结果' }));
    expect(await screen.findByText('已生成“x-审核结果.xlsx”（含汇总表和标记）。')).toBeTruthy();
  });
});

describe('指定列: mapping a column the checker could not place', () => {
  /** The incentive sample with 附件2's 具体事项 headed 栏目三: the checker cannot place it. */
  async function renamedView(settings: SettingsInput = {}): Promise<AuditView> {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const g = grids.find((x) => x.name === '附件2');
    const values = g?.values as (string | number | null)[][];
    for (const row of values.slice(0, 8)) for (let c = 0; c < row.length; c++) if (row[c] === '具体事项') row[c] = '栏目三';
    const audit = auditWorkbook(grids, settings);
    return { profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts, columnGaps: audit.columnGaps };
  }

  it('offers 指定列 on the column-missing finding; saving stores the mapping and checks again with it', async () => {
    const user = userEvent.setup();
    const saved: SettingsInput[] = [];
    const checkedWith: SettingsInput[] = [];
    const services = excelServices({
      async check(settings: SettingsInput) {
        checkedWith.push(settings);
        return renamedView(settings);
      },
      async saveSettings(s: SettingsInput) {
        saved.push(s);
        return 'workbook';
      },
    });
    await renderPane(services);
    await user.click(screen.getByRole('button', { name: '校验' }));
    const sheet2 = await screen.findByRole('region', { name: '附件2' });
    expect(within(sheet2).getByText(/表头中未找到“具体事项”列/)).toBeTruthy();
    await user.click(within(sheet2).getByRole('button', { name: '指定列' }));
    const form = within(sheet2).getByRole('group', { name: '为“附件2”指定列' });
    await user.selectOptions(within(form).getByRole('combobox', { name: '“具体事项”是哪一列？' }), '栏目三');
    await user.click(within(form).getByRole('button', { name: '保存并重新校验' }));
    expect(await screen.findByText(/已保存列映射（栏目三 → 具体事项），并重新校验。/)).toBeTruthy();
    expect(saved).toEqual([{ columnMap: { 'unit-key-items': { 栏目三: 'items' } } }]);
    expect(checkedWith[checkedWith.length - 1]).toEqual({ columnMap: { 'unit-key-items': { 栏目三: 'items' } } });
    // Checked again with the mapping: the column is placed, the 附件2 findings are the sample's own.
    expect(screen.queryByText(/表头中未找到“具体事项”列/)).toBeNull();
    expect(screen.getByText('校验完成：2 个错误、12 个警告、3 条提示。', { exact: false })).toBeTruthy();
  });

  it('no 指定列 where every column was placed', async () => {
    const user = userEvent.setup();
    await renderPane(excelServices());
    await user.click(screen.getByRole('button', { name: '校验' }));
    await screen.findByRole('region', { name: '附件4' });
    expect(screen.queryByRole('button', { name: '指定列' })).toBeNull();
  });
});
