/**
 * The task pane: actions, progress, outcome, the findings list and settings. It never touches Excel:
 * everything goes through the injected `PaneServices` (Excel mode or file mode).
 */
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, ProgressBar, Title3, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { ColumnGap, Lang, SettingsInput, UiArgs, UiKey, UnitGap } from '../core';
import { listOf, supportedKinds, t, withColumnMapping, withUnitAlias } from '../core';
import { SubmissionSection } from './components/SubmissionSection';
import { type AuditView, isPaneError, type PaneServices } from './services/types';

/**
 * The findings list, its data grid and the findings catalogue: a chunk of their own, fetched when an action starts;
 * the action's outcome is shown once it is there, so the outcome and the list appear together.
 */
let FindingsSection: typeof import('./components/FindingsSection').FindingsSection | null = null;
const loadFindings = (): Promise<void> =>
  import(/* webpackChunkName: "findings" */ './components/FindingsSection').then(
    (m) => {
      FindingsSection = m.FindingsSection;
    },
    () => undefined, // not loaded (offline): the outcome still says what was found
  );

/**
 * 设置 and 自检, the accordion at the foot of the pane: a chunk of its own (with the Accordion and its motion code),
 * fetched once the pane has first rendered and shown as soon as it is there; should that fail (offline), the next
 * action asks again.
 */
let SettingsPanel: typeof import('./components/SettingsPanel').SettingsPanel | null = null;
let settingsLoading: Promise<void> | null = null;
const loadSettingsPanel = (): Promise<void> =>
  (settingsLoading ??= import(/* webpackChunkName: "settings-panel" */ './components/SettingsPanel').then(
    (m) => {
      SettingsPanel = m.SettingsPanel;
    },
    () => {
      settingsLoading = null;
    },
  ));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100%',
    overflowX: 'hidden',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  subtitle: { color: tokens.colorNeutralForeground3 },
  // A narrow pane: the main action spans the width, the others share a row.
  actions: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  primary: { gridColumn: '1 / -1' },
  hint: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  fileInput: { display: 'none' },
  empty: { color: tokens.colorNeutralForeground3 },
  notes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const SUBTITLE = { excel: 'pane.subtitle.excel', wps: 'pane.subtitle.wps', file: 'pane.subtitle.file' } as const;

type Step = 'reading' | 'checking' | 'writing' | 'clearing';
type Outcome = { intent: 'success' | 'error' | 'info' | 'warning'; text: string };

export interface AppProps {
  readonly services: PaneServices;
  readonly initialLang?: Lang;
}

export function App({ services, initialLang = 'zh-CN' }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [settings, setSettings] = React.useState<SettingsInput>({});
  const [step, setStep] = React.useState<Step | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [notes, setNotes] = React.useState<readonly string[]>([]);
  const [audit, setAudit] = React.useState<AuditView | null>(null);
  const [fileName, setFileName] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [, setSettingsShown] = React.useState(SettingsPanel !== null);
  const showSettings = React.useCallback(() => {
    if (!SettingsPanel) void loadSettingsPanel().then(() => setSettingsShown(SettingsPanel !== null));
  }, []);
  React.useEffect(showSettings, [showSettings]);

  React.useEffect(() => {
    let live = true;
    services.loadSettings().then(
      (s) => live && setSettings(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [services]);

  const busy = step !== null;
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);

  const run = async (action: () => Promise<Outcome | null>): Promise<void> => {
    // Every action may end in findings: their chunk loads while the action runs.
    const findingsReady = loadFindings();
    showSettings();
    setOutcome(null);
    setNotes([]);
    try {
      const result = await action();
      await findingsReady;
      if (result) setOutcome(result);
    } catch (e) {
      setOutcome({ intent: 'error', text: isPaneError(e) ? e.userMessage : tr('pane.error.unexpected') });
    } finally {
      setStep(null);
    }
  };

  const check = (using: SettingsInput = settings, mapped?: string, saved: 'pane.map.saved' | 'pane.units.saved' = 'pane.map.saved') =>
    run(async () => {
      const view = await services.check(using, lang, setStep);
      setAudit(view);
      setNotes(view.notes ?? []);
      const c = view.counts;
      const done = view.findings.length === 0 ? tr('pane.done.clean') : tr('pane.done.check', c);
      const text = mapped !== undefined ? `${tr(saved, { pairs: mapped })} ${done}` : done;
      return view.findings.length === 0 ? { intent: 'success', text } : { intent: c.error > 0 ? 'warning' : 'info', text };
    });

  /** 指定列: save the mapping with the workbook's settings, then check again with it at once. */
  const mapColumns = (gap: ColumnGap, choices: readonly { readonly header: string; readonly key: string }[]) => {
    const next = choices.reduce((s, c) => withColumnMapping(s, gap.kind, c.header, c.key), settings);
    setSettings(next);
    const pairs = listOf(choices.map((c) => `${c.header} → ${gap.missing.find((m) => m.key === c.key)?.label ?? c.key}`), lang);
    void services.saveSettings(next).catch(() => undefined);
    void check(next, pairs);
  };

  /** 指定单位: save the links in the unit aliases, then check again with them at once. */
  const linkUnits = (_gap: UnitGap, links: readonly { readonly written: string; readonly unit: string; readonly name: string }[]) => {
    const next = links.reduce((s, l) => withUnitAlias(s, l.written, l.unit), settings);
    setSettings(next);
    const pairs = listOf(links.map((l) => `${l.written} → ${l.name}`), lang);
    void services.saveSettings(next).catch(() => undefined);
    void check(next, pairs, 'pane.units.saved');
  };

  const summarize = () =>
    run(async () => {
      if (!services.summarize) return null;
      const out = await services.summarize(settings, lang, setStep);
      if (out.view) setAudit(out.view);
      setNotes(out.notes ?? []);
      const renamed = out.renamed.map((r) => tr('pane.renamed', r)).join(' ');
      const checked = out.view ? ` ${out.view.findings.length === 0 ? tr('pane.done.clean') : tr('pane.done.check', out.view.counts)}` : '';
      // Nothing written: the outcome says so (the notes say why) instead of "written: ".
      if (out.sheets.length === 0) return { intent: 'warning', text: `${tr('pane.done.summarizeNone')}${checked}` };
      return { intent: (out.notes ?? []).length > 0 ? 'warning' : 'success', text: `${tr('pane.done.summarize', { sheets: listOf(out.sheets, lang) })}${renamed ? ` ${renamed}` : ''}${checked}` };
    });

  const clear = () =>
    run(async () => {
      if (!services.clearMarks) return null;
      const left = (await services.clearMarks(setStep)) ?? [];
      setNotes(left);
      return { intent: left.length > 0 ? 'warning' : 'success', text: tr(left.length > 0 ? 'pane.done.clearPartial' : 'pane.done.clear') };
    });

  const download = () =>
    run(async () => {
      if (!services.download) return null;
      const name = await services.download(settings, lang, setStep);
      return { intent: 'success', text: tr('pane.done.download', { file: name }) };
    });

  const openFile = (file: File | undefined) => {
    if (!file || !services.openFile) return;
    void run(async () => {
      const name = await services.openFile?.(file);
      setFileName(name ?? file.name);
      setAudit(null);
      const view = await services.check(settings, lang, setStep);
      setAudit(view);
      return { intent: 'info', text: `${tr('pane.fileLoaded', { file: name ?? file.name })} ${view.findings.length === 0 ? tr('pane.done.clean') : tr('pane.done.check', view.counts)}` };
    });
  };

  const changeSettings = (next: SettingsInput) => {
    setSettings(next);
    services.saveSettings(next).then(
      (where) => setOutcome({ intent: 'info', text: tr(where === 'workbook' ? 'pane.setting.saved' : 'pane.setting.savedLocal') }),
      () => undefined,
    );
  };

  const changeLang = (next: Lang) => {
    setLang(next);
    try {
      window.localStorage.setItem('annex-audit.lang', next);
    } catch {
      /* storage unavailable: the choice lasts for this session */
    }
  };

  const onSelect = services.selectCell
    ? (sheet: string, cell: string) => {
        void services.selectCell?.(sheet, cell).catch(() => setOutcome({ intent: 'error', text: tr('pane.error.unexpected') }));
      }
    : undefined;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{tr('pane.title')}</Title3>
        <Caption1 className={styles.subtitle}>{tr(SUBTITLE[services.mode])}</Caption1>
      </header>

      <div className={styles.actions} role="toolbar" aria-label={tr('pane.title')}>
        {services.mode === 'file' ? (
          <>
            <Button className={styles.primary} appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
              {tr('pane.open')}
            </Button>
            <input
              ref={fileInput}
              className={styles.fileInput}
              type="file"
              accept=".xlsx,.xlsm,.xls,.et,.xlsb,.ods,.csv"
              aria-hidden="true"
              tabIndex={-1}
              data-testid="file-input"
              onChange={(e) => {
                openFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <Button disabled={busy || fileName === null} onClick={() => void check()}>
              {tr('pane.check')}
            </Button>
            <Button disabled={busy || fileName === null} onClick={download}>
              {tr('pane.download')}
            </Button>
          </>
        ) : (
          <>
            <Button className={styles.primary} appearance="primary" disabled={busy} onClick={() => void check()}>
              {tr('pane.check')}
            </Button>
            <Button disabled={busy} onClick={summarize}>
              {tr('pane.summarize')}
            </Button>
            <Button disabled={busy} onClick={clear}>
              {tr('pane.clear')}
            </Button>
          </>
        )}
      </div>

      {busy ? <ProgressBar aria-label={tr(`pane.step.${step}`)} /> : null}
      {busy ? <Caption1 aria-live="polite">{tr(`pane.step.${step}`)}</Caption1> : null}
      {outcome ? (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notes.length > 0 ? (
        <ul className={styles.notes} aria-label={tr('pane.notes')}>
          {notes.map((n) => (
            <li key={n}>
              <MessageBar intent="warning">
                <MessageBarBody>{n}</MessageBarBody>
              </MessageBar>
            </li>
          ))}
        </ul>
      ) : null}

      {audit ? (
        FindingsSection ? (
          <FindingsSection audit={audit} lang={lang} {...(onSelect ? { onSelect } : {})} onMap={mapColumns} onLink={linkUnits} />
        ) : null
      ) : (
        <div className={styles.hint}>
          <Body1 className={styles.empty}>{services.mode === 'file' && fileName === null ? tr('pane.noFile') : tr('pane.empty')}</Body1>
          <Caption1>{tr('pane.supported', supportedKinds(lang))}</Caption1>
        </div>
      )}

      {services.submissions ? (
        <SubmissionSection services={services.submissions} mode={services.mode} lang={lang} settings={settings} onSettings={changeSettings} hasWorkbook={fileName !== null} disabled={busy} />
      ) : null}

      {SettingsPanel ? (
        <SettingsPanel settings={settings} lang={lang} onChange={changeSettings} onLang={changeLang} {...(services.selfTest ? { onSelfTest: services.selfTest } : {})} />
      ) : null}
    </main>
  );
}
