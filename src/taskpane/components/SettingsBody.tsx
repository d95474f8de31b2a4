/**
 * What the settings accordion shows once opened: the settings' inputs and 自检. A chunk of its own, loaded as soon as
 * the accordion (SettingsPanel.tsx) is shown, so the Switch, Select, Textarea and Field components and their styles
 * are not part of the initial scripts.
 */
import { Button, Caption1, Field, makeStyles, Select, Switch, Textarea, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Lang, SettingsInput } from '../../core';
import { t } from '../../core';
import type { SelfTestView } from '../services/types';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  selfTest: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  lines: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** Copy text where the webview allows it (the Clipboard API may be blocked inside Office); else select it for Ctrl+C. */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!area) return false;
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function SelfTestSection({ lang, run }: { readonly lang: Lang; readonly run: (lang: Lang) => Promise<SelfTestView> }): React.ReactElement {
  const styles = useStyles();
  const [running, setRunning] = React.useState(false);
  const [view, setView] = React.useState<SelfTestView | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [copied, setCopied] = React.useState(false);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const start = () => {
    setRunning(true);
    setCopied(false);
    setFailed(false);
    // A self-test that cannot run (its chunk not loaded, the host refusing) says so: never a button that did nothing.
    run(lang).then(
      (v) => setView(v),
      () => {
        setView(null);
        setFailed(true);
      },
    ).finally(() => setRunning(false));
  };
  return (
    <section className={styles.selfTest} aria-label={t('pane.selfTest', lang)}>
      <Caption1>{t('pane.selfTest.hint', lang)}</Caption1>
      <Button onClick={start} disabled={running}>
        {running ? t('pane.selfTest.running', lang) : t('pane.selfTest.run', lang)}
      </Button>
      {failed ? <p role="alert">{t('pane.selfTest.failed', lang)}</p> : null}
      {view ? (
        <>
          <p role="status">{view.summary}</p>
          {view.lines.length > 0 ? (
            <ul className={styles.lines}>
              {view.lines.map((l) => (
                <li key={l.label} className={l.ok === true ? styles.pass : l.ok === false ? styles.fail : styles.skipped}>
                  {`${l.ok === true ? '✔' : l.ok === false ? '✘' : '–'} ${l.label}${l.detail ? ` (${l.detail})` : ''}`}
                </li>
              ))}
            </ul>
          ) : null}
          <Field label={t('pane.selfTest.result', lang)}>
            <Textarea ref={area} className={styles.report} value={view.text} readOnly resize="vertical" rows={6} />
          </Field>
          <Button onClick={() => void copyText(view.text, area.current).then(setCopied)}>{t('pane.selfTest.copy', lang)}</Button>
          {copied ? <Caption1 aria-live="polite">{t('pane.selfTest.copied', lang)}</Caption1> : null}
        </>
      ) : null}
    </section>
  );
}

export interface SettingsFieldsProps {
  readonly settings: SettingsInput;
  readonly lang: Lang;
  readonly onChange: (next: SettingsInput) => void;
  readonly onLang: (lang: Lang) => void;
  /** The aliases as edited (kept by the panel, so that closing and opening it keeps what was typed). */
  readonly aliasText: string;
  readonly onAliasText: (text: string) => void;
  readonly onAliasBlur: () => void;
}

export function SettingsFields({ settings, lang, onChange, onLang, aliasText, onAliasText, onAliasBlur }: SettingsFieldsProps): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <Switch
        checked={settings.guaranteedQuotaIsVeryLikely ?? true}
        label={t('pane.setting.guarantee', lang)}
        onChange={(_, d) => onChange({ ...settings, guaranteedQuotaIsVeryLikely: d.checked })}
      />
      <Field label={t('pane.setting.language', lang)}>
        <Select value={lang} onChange={(_, d) => onLang(d.value === 'en-US' ? 'en-US' : 'zh-CN')}>
          <option value="zh-CN">简体中文</option>
          <option value="en-US">English</option>
        </Select>
      </Field>
      <Field label={t('pane.setting.aliases', lang)}>
        <Textarea value={aliasText} resize="vertical" onChange={(_, d) => onAliasText(d.value)} onBlur={onAliasBlur} />
      </Field>
    </div>
  );
}
