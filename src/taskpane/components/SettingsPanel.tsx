import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, makeStyles, Select, Switch, Textarea, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Lang, SettingsInput } from '../../core';
import { DEFAULT_COUNTY_ALIASES, t } from '../../core';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
});

export function aliasesToText(aliases: Readonly<Record<string, string>>): string {
  return Object.entries(aliases)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

export function textToAliases(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const [k, v] = line.split(/[=＝]/).map((x) => x.trim());
    if (k && v) out[k] = v;
  }
  return out;
}

export interface SettingsPanelProps {
  readonly settings: SettingsInput;
  readonly lang: Lang;
  readonly onChange: (next: SettingsInput) => void;
  readonly onLang: (lang: Lang) => void;
}

export function SettingsPanel({ settings, lang, onChange, onLang }: SettingsPanelProps): React.ReactElement {
  const styles = useStyles();
  const [aliasText, setAliasText] = React.useState(aliasesToText(settings.countyAliases ?? DEFAULT_COUNTY_ALIASES));
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader>{t('pane.settings', lang)}</AccordionHeader>
        <AccordionPanel>
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
              <Textarea
                value={aliasText}
                resize="vertical"
                onChange={(_, d) => setAliasText(d.value)}
                onBlur={() => onChange({ ...settings, countyAliases: textToAliases(aliasText) })}
              />
            </Field>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
