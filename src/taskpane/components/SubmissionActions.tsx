/**
 * 报送工作: 生成填报模板, 与上一版比较, 批量校验报送, 合并报送. One panel open at a time, laid out for a 320 px
 * pane; long work shows a ProgressBar with 取消 (AbortController). It never touches Excel or files itself:
 * everything goes through the injected `SubmissionServices`.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import {
  expectedUnitsOf,
  KIND_LABEL,
  type Lang,
  listOf,
  type SettingsInput,
  t,
  type UiArgs,
  type UiKey,
  stateText,
  templateText,
  TEMPLATE_BUNDLES,
  type TemplateKind,
} from '../../core';
import { type BatchOutcome, type CompareOutcome, isPaneError, type SubmissionServices } from '../services/types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  hidden: { display: 'none' },
  kinds: { display: 'flex', flexDirection: 'column' },
  table: { tableLayout: 'fixed', width: '100%' },
  fileCell: { overflowWrap: 'anywhere', wordBreak: 'break-all' },
  // The bar steps to each new value: Fluent's 0.3 s width transition, restarted by every update, kept the page
  // laying out and painting every frame for the whole batch.
  progressStep: { transitionProperty: 'none' },
  num: { width: '36px', textAlign: 'right' },
  state: { width: '64px' },
  unit: { display: 'block' },
  reason: { display: 'block', color: tokens.colorPaletteRedForeground1 },
  changes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  change: { overflowWrap: 'anywhere', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, paddingBottom: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type SubmissionAction = 'template' | 'compare' | 'batch' | 'merge';
type Action = SubmissionAction;
type Outcome = { intent: 'success' | 'error' | 'info' | 'warning'; text: string };
type Progress = { done: number; total: number; file: string } | null;

/**
 * The progress bar is redrawn at most this often (ms): four times a second still reads as moving, and each
 * redraw (style, layout, paint, compositing) takes a core from the batch's workers for a moment.
 */
const PROGRESS_MS = 250;

const ACCEPT = '.xlsx,.xlsm,.xls,.et,.xlsb,.ods,.csv';
const SHOWN_CHANGES = 30;

export interface SubmissionActionsProps {
  readonly services: SubmissionServices;
  readonly mode: 'excel' | 'file' | 'wps';
  readonly lang: Lang;
  readonly settings: SettingsInput;
  readonly onSettings: (next: SettingsInput) => void;
  /** File mode: a workbook was opened (the new version for 与上一版比较). */
  readonly hasWorkbook: boolean;
  /** The rest of the pane is busy: start nothing. */
  readonly disabled?: boolean;
  /** The action whose panel is open at first (the one chosen before this chunk was loaded: SubmissionSection). */
  readonly initialOpen?: SubmissionAction | null;
}

/** A hidden file input; `folder` makes it choose a directory (`webkitdirectory`). */
function FilePicker(props: { readonly multiple?: boolean; readonly folder?: boolean; readonly testId: string; readonly onFiles: (files: File[]) => void; readonly inputRef: React.RefObject<HTMLInputElement | null> }) {
  const styles = useStyles();
  React.useEffect(() => {
    if (props.folder) props.inputRef.current?.setAttribute('webkitdirectory', '');
  }, [props.folder, props.inputRef]);
  return (
    <input
      ref={props.inputRef}
      className={styles.hidden}
      type="file"
      accept={props.folder ? undefined : ACCEPT}
      multiple={props.multiple === true || props.folder === true}
      aria-hidden="true"
      tabIndex={-1}
      data-testid={props.testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length > 0) props.onFiles(files);
      }}
    />
  );
}

export function SubmissionActions({ services, mode, lang, settings, onSettings, hasWorkbook, disabled = false, initialOpen = null }: SubmissionActionsProps): React.ReactElement {
  const styles = useStyles();
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  const [open, setOpen] = React.useState<Action | null>(initialOpen);
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [notes, setNotes] = React.useState<readonly string[]>([]);
  const [comparison, setComparison] = React.useState<CompareOutcome | null>(null);
  const [batch, setBatch] = React.useState<BatchOutcome | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  // 生成填报模板
  const [profile, setProfile] = React.useState<'all-incentive' | 'all-keywork'>('all-incentive');
  const [kinds, setKinds] = React.useState<readonly TemplateKind[]>(TEMPLATE_BUNDLES['all-incentive']);
  const [year, setYear] = React.useState(String(new Date().getFullYear()));

  // 批量校验报送: the expected units live in the settings (saved with the workbook / in the browser).
  const savedUnits = (settings.expectedUnits ?? []).join('\n');
  const [units, setUnits] = React.useState(savedUnits);
  React.useEffect(() => setUnits(savedUnits), [savedUnits]);

  const earlierInput = React.useRef<HTMLInputElement>(null);
  const batchFiles = React.useRef<HTMLInputElement>(null);
  const batchFolder = React.useRef<HTMLInputElement>(null);
  const lastRound = React.useRef<HTMLInputElement>(null);
  const mergeFiles = React.useRef<HTMLInputElement>(null);
  const mergeFolder = React.useRef<HTMLInputElement>(null);

  const stop = disabled || busy;

  // The batch panel open: its workers start while the user chooses the files (ended when it closes).
  React.useEffect(() => (open === 'batch' && services.warmBatch ? services.warmBatch() : undefined), [open, services]);

  const run = async (action: (signal: AbortSignal) => Promise<Outcome | null>): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setOutcome(null);
    setNotes([]);
    try {
      const result = await action(controller.signal);
      if (result) setOutcome(result);
    } catch (e) {
      setOutcome({ intent: 'error', text: isPaneError(e) ? e.userMessage : tr('pane.error.unexpected') });
    } finally {
      abort.current = null;
      setBusy(false);
      dropProgress();
    }
  };

  const toggle = (a: Action) => {
    setOpen(open === a ? null : a);
    setOutcome(null);
    setNotes([]);
  };

  // Progress comes after every file, from several workers at once; the bar and caption are drawn at most every
  // PROGRESS_MS (the latest state, first at once), so a long batch does not spend the page's thread on redrawing.
  // It is not this component's state: a redraw renders only the progress panel, not every action's panel.
  const shownProgress = React.useRef<ProgressFeed>({ latest: null, shown: null, listener: null, timer: null, at: 0 });
  const publish = (next: Progress): void => {
    const p = shownProgress.current;
    p.shown = next;
    p.listener?.(next);
  };
  const showProgress = (): void => {
    const p = shownProgress.current;
    p.timer = null;
    p.at = Date.now();
    publish(p.latest);
  };
  const onProgress = (done: number, total: number, file: string) => {
    const p = shownProgress.current;
    p.latest = { done, total, file };
    if (p.timer !== null) return;
    const wait = PROGRESS_MS - (Date.now() - p.at);
    if (wait <= 0) showProgress();
    else p.timer = setTimeout(showProgress, wait);
  };
  const dropProgress = (): void => {
    const p = shownProgress.current;
    if (p.timer !== null) clearTimeout(p.timer);
    p.timer = null;
    p.latest = null;
    p.at = 0;
    publish(null);
  };
  React.useEffect(() => () => {
    const { timer } = shownProgress.current;
    if (timer !== null) clearTimeout(timer);
  }, []);

  const saveUnits = (text: string) => {
    const list = text
      .split(/[\n,，、;；]+/)
      .map((u) => u.trim())
      .filter((u) => u !== '');
    const next = [...new Set(list)];
    if (next.join('\n') !== savedUnits) onSettings({ ...settings, expectedUnits: next });
  };

  const makeTemplate = () =>
    run(async () => {
      if (kinds.length === 0) return { intent: 'warning', text: tr('act.template.noKind') };
      const y = Number(year);
      if (!/^\d{4}$/.test(year) || y < 1990 || y > 2100) return { intent: 'warning', text: tr('act.template.badYear') };
      const out = await services.makeTemplate({ kinds, year: y }, lang);
      const sheets = listOf(out.sheets, lang);
      if (out.created) return { intent: 'success', text: tr('act.template.created', { sheets, marker: out.marker }) };
      if (out.createFailed !== undefined) return { intent: 'warning', text: tr('act.template.createFailed', { file: out.file ?? '', reason: out.createFailed }) };
      if (mode === 'excel') return { intent: 'warning', text: tr('act.template.noCreate', { file: out.file ?? '' }) };
      return { intent: 'success', text: tr('act.template.downloaded', { file: out.file ?? '', sheets, marker: out.marker }) };
    });

  const compare = (files: File[]) => {
    const earlier = files[0];
    if (!earlier) return;
    setComparison(null);
    void run(async () => {
      const out = await services.compare(earlier, settings, lang, () => publish(null));
      setComparison(out);
      setNotes(out.notes ?? []);
      const summary = tr('diff.summary', out.counts);
      return { intent: out.changes.length > 0 || out.counts.newFindings > 0 ? 'info' : 'success', text: `${tr('diff.title', { old: out.oldName, new: out.newName })}${lang === 'zh-CN' ? '：' : ': '}${summary}${out.sheet ? ` ${tr('act.compare.written', { sheet: out.sheet })}` : ''}` };
    });
  };

  const checkBatch = (files: File[]) => {
    setBatch(null);
    void run(async (signal) => {
      const out = await services.checkBatch(files, settings, lang, onProgress, signal);
      setBatch(out);
      setNotes(out.notes ?? []);
      if (out.cancelled) return { intent: 'warning', text: tr('act.batch.cancelled', { done: out.rows.length, total: out.total }) };
      const totals = {
        files: out.rows.length,
        passed: out.rows.filter((r) => r.state === 'passed').length,
        errors: out.rows.filter((r) => r.state === 'errors').length,
        unreadable: out.rows.filter((r) => r.state === 'unreadable').length,
        missing: out.missing.length,
      };
      const written = out.sheet ? ` ${tr('act.batch.written', { sheet: out.sheet })}` : '';
      return { intent: totals.errors + totals.unreadable + totals.missing > 0 ? 'warning' : 'success', text: `${tr('act.batch.done', totals)}${written}` };
    });
  };

  const merge = (files: File[]) =>
    void run(async (signal) => {
      const out = await services.merge(files, settings, lang, onProgress, signal);
      setNotes(out.notes ?? []);
      const counts = tr('pane.done.check', out.counts);
      const sheets = listOf(out.sheets, lang);
      return out.file
        ? { intent: out.counts.error > 0 ? 'warning' : 'success', text: tr('act.merge.downloaded', { files: out.files, file: out.file, sheets, counts }) }
        : { intent: out.counts.error > 0 ? 'warning' : 'success', text: tr('act.merge.written', { files: out.files, sheets, counts }) };
    });

  const readLastRound = (files: File[]) => {
    const file = files[0];
    if (!file) return;
    void run(async () => {
      const found = await services.expectedUnitsFrom(file, lang);
      if (found.length === 0) return { intent: 'warning', text: tr('act.batch.unitsNone', { file: file.name }) };
      setUnits(found.join('\n'));
      onSettings({ ...settings, expectedUnits: found });
      return { intent: 'info', text: tr('act.batch.unitsRead', { file: file.name, count: found.length }) };
    });
  };

  const download = (fn: ((l: Lang) => Promise<string>) | undefined, key: 'act.compare.downloaded' | 'act.batch.downloaded') =>
    void run(async () => {
      if (!fn) return null;
      const file = await fn(lang);
      return { intent: 'success', text: tr(key, { file, sheet: tr('plan.sheet.diff') }) };
    });

  const profileKinds = TEMPLATE_BUNDLES[profile];
  const expected = expectedUnitsOf(settings);

  return (
    <section className={styles.root} aria-label={tr('act.section')}>
      <Subtitle2 as="h2">{tr('act.section')}</Subtitle2>
      <div className={styles.buttons}>
        {(['template', 'compare', 'batch', 'merge'] as const).map((a) => (
          <Button key={a} aria-expanded={open === a} appearance={open === a ? 'primary' : 'secondary'} disabled={stop} onClick={() => toggle(a)}>
            {tr(`act.${a}`)}
          </Button>
        ))}
      </div>

      {open === 'template' ? (
        <div className={styles.panel} role="group" aria-label={tr('act.template')}>
          <Caption1 className={styles.hint}>{tr('act.template.hint')}</Caption1>
          <Field label={tr('act.template.profile')}>
            <RadioGroup
              value={profile}
              onChange={(_, d) => {
                const p = d.value === 'all-keywork' ? 'all-keywork' : 'all-incentive';
                setProfile(p);
                setKinds(TEMPLATE_BUNDLES[p]);
              }}
            >
              <Radio value="all-incentive" label={tr('profile.incentive')} />
              <Radio value="all-keywork" label={tr('profile.keywork')} />
            </RadioGroup>
          </Field>
          {/* Not a Field: a Field gives its one control id to every checkbox inside, and their labels would all point at the first. */}
          <div className={styles.kinds} role="group" aria-labelledby="act-template-kinds">
            <Label id="act-template-kinds">{tr('act.template.kinds')}</Label>
            {profileKinds.map((k) => (
              <Checkbox
                key={k}
                label={KIND_LABEL[k][lang]}
                checked={kinds.includes(k)}
                onChange={(_, d) => setKinds(d.checked === true ? profileKinds.filter((x) => x === k || kinds.includes(x)) : kinds.filter((x) => x !== k))}
              />
            ))}
          </div>
          <Field label={tr('act.template.year')}>
            <Input type="number" value={year} min={1990} max={2100} onChange={(_, d) => setYear(d.value)} />
          </Field>
          <Button appearance="primary" disabled={stop} onClick={() => void makeTemplate()}>
            {tr('act.template.make')}
          </Button>
        </div>
      ) : null}

      {open === 'compare' ? (
        <div className={styles.panel} role="group" aria-label={tr('act.compare')}>
          <Caption1 className={styles.hint}>{tr(mode !== 'file' ? 'act.compare.hint.excel' : hasWorkbook ? 'act.compare.hint.file' : 'act.compare.needOpen')}</Caption1>
          <Button appearance="primary" disabled={stop || (mode === 'file' && !hasWorkbook)} onClick={() => earlierInput.current?.click()}>
            {tr('act.compare.choose')}
          </Button>
          <FilePicker inputRef={earlierInput} testId="earlier-input" onFiles={compare} />
          {comparison ? (
            <>
              <Subtitle2 as="h3">{tr('act.compare.changes', { count: comparison.changes.length })}</Subtitle2>
              <ul className={styles.changes} aria-label={tr('act.compare.changes', { count: comparison.changes.length })}>
                {comparison.changes.slice(0, SHOWN_CHANGES).map((c, i) => (
                  <li key={i} className={styles.change}>
                    <Caption1>
                      [{c.type}] {c.annex} · {c.key}
                      {c.column ? ` 「${c.column}」` : ''}
                    </Caption1>
                    <br />
                    <Caption1 className={styles.muted}>
                      {c.before || '—'} → {c.after || '—'}
                    </Caption1>
                  </li>
                ))}
              </ul>
              {comparison.changes.length > SHOWN_CHANGES ? <Caption1>{tr('act.compare.more', { count: comparison.changes.length - SHOWN_CHANGES })}</Caption1> : null}
              {services.downloadComparison ? (
                <Button disabled={stop} onClick={() => download(services.downloadComparison, 'act.compare.downloaded')}>
                  {tr('act.compare.download')}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}

      {open === 'batch' ? (
        <div className={styles.panel} role="group" aria-label={tr('act.batch')}>
          <Caption1 className={styles.hint}>{tr('act.batch.hint')}</Caption1>
          <Field label={tr('act.batch.units')}>
            <Textarea value={units} resize="vertical" rows={3} onChange={(_, d) => setUnits(d.value)} onBlur={() => saveUnits(units)} />
          </Field>
          <Button size="small" disabled={stop} onClick={() => lastRound.current?.click()}>
            {tr('act.batch.unitsFromLast')}
          </Button>
          <FilePicker inputRef={lastRound} testId="last-round-input" onFiles={readLastRound} />
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={stop} onClick={() => batchFiles.current?.click()}>
              {tr('act.chooseFiles')}
            </Button>
            <Button disabled={stop} onClick={() => batchFolder.current?.click()}>
              {tr('act.chooseFolder')}
            </Button>
          </div>
          <FilePicker inputRef={batchFiles} multiple testId="batch-files-input" onFiles={checkBatch} />
          <FilePicker inputRef={batchFolder} folder testId="batch-folder-input" onFiles={checkBatch} />
          {batch ? <BatchTable outcome={batch} lang={lang} expected={expected.length} /> : null}
          {batch && !batch.cancelled && services.downloadStatus ? (
            <Button disabled={stop} onClick={() => download(services.downloadStatus, 'act.batch.downloaded')}>
              {tr('act.batch.download')}
            </Button>
          ) : null}
        </div>
      ) : null}

      {open === 'merge' ? (
        <div className={styles.panel} role="group" aria-label={tr('act.merge')}>
          <Caption1 className={styles.hint}>{tr(mode !== 'file' ? 'act.merge.hint.excel' : 'act.merge.hint.file')}</Caption1>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={stop} onClick={() => mergeFiles.current?.click()}>
              {tr('act.chooseFiles')}
            </Button>
            <Button disabled={stop} onClick={() => mergeFolder.current?.click()}>
              {tr('act.chooseFolder')}
            </Button>
          </div>
          <FilePicker inputRef={mergeFiles} multiple testId="merge-files-input" onFiles={merge} />
          <FilePicker inputRef={mergeFolder} folder testId="merge-folder-input" onFiles={merge} />
        </div>
      ) : null}

      {busy ? <ProgressPanel feed={shownProgress} lang={lang} onCancel={() => abort.current?.abort()} /> : null}
      {outcome ? (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notes.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

/** The progress SubmissionActions hands its panel: the latest reported, the one drawn, and the panel listening. */
interface ProgressFeed {
  latest: Progress;
  shown: Progress;
  listener: ((p: Progress) => void) | null;
  timer: ReturnType<typeof setTimeout> | null;
  at: number;
}

/** The running action's bar, caption and 取消: the only part of the pane a progress report redraws. */
function ProgressPanel({ feed, lang, onCancel }: { readonly feed: React.RefObject<ProgressFeed>; readonly lang: Lang; readonly onCancel: () => void }): React.ReactElement {
  const styles = useStyles();
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  const [progress, setProgress] = React.useState<Progress>(feed.current.shown);
  React.useLayoutEffect(() => {
    const f = feed.current;
    f.listener = setProgress;
    setProgress(f.shown);
    return () => {
      if (f.listener === setProgress) f.listener = null;
    };
  }, [feed]);
  return (
    <div className={styles.panel} role="status">
      <ProgressBar
        bar={{ className: styles.progressStep }}
        aria-label={progress ? tr('act.batch.progress', { done: progress.done, total: progress.total, file: progress.file }) : tr('pane.step.reading')}
        {...(progress && progress.total > 0 ? { value: progress.done / progress.total } : {})}
      />
      <Caption1 className={styles.fileCell}>{progress ? tr('act.batch.progress', { done: Math.min(progress.done + 1, progress.total), total: progress.total, file: progress.file }) : tr('pane.step.checking')}</Caption1>
      {progress ? (
        <Button size="small" onClick={onCancel}>
          {tr('act.cancel')}
        </Button>
      ) : null}
    </div>
  );
}

/** The batch, file by file: unit and file, errors, warnings, status; an unreadable file shows its reason. */
function BatchTable({ outcome, lang, expected }: { readonly outcome: BatchOutcome; readonly lang: Lang; readonly expected: number }): React.ReactElement {
  const styles = useStyles();
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  return (
    <>
      <Table size="extra-small" className={styles.table} aria-label={tr('act.batch.table')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{`${tr('status.col.unit')} / ${tr('status.col.file')}`}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{tr('status.col.errors')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{tr('status.col.warnings')}</TableHeaderCell>
            <TableHeaderCell className={styles.state}>{tr('status.col.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {outcome.rows.map((r) => (
            <TableRow key={r.file}>
              <TableCell className={styles.fileCell}>
                {expected > 0 ? <strong className={styles.unit}>{r.unit ?? tr('status.unknownUnit')}</strong> : null}
                {r.file}
                {r.state !== 'unreadable' ? <Caption1 className={styles.muted}> · {templateText(r.template, lang)}</Caption1> : null}
                {r.reason ? <Caption1 className={styles.reason}>{r.reason}</Caption1> : null}
              </TableCell>
              <TableCell className={styles.num}>{r.counts ? r.counts.error : '—'}</TableCell>
              <TableCell className={styles.num}>{r.counts ? r.counts.warning : '—'}</TableCell>
              <TableCell className={styles.state}>{stateText(r.state, lang)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {/* After 取消 the files not read are not "missing": say nothing about them. */}
      {outcome.missing.length > 0 && !outcome.cancelled ? (
        <MessageBar intent="warning">
          <MessageBarBody>{tr('act.batch.missing', { units: listOf(outcome.missing, lang) })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
