/**
 * 设置 and 自检: the accordion at the foot of the pane, a chunk of its own that App.tsx shows once the pane has first
 * rendered. What its items open (the inputs and the self-test, SettingsBody.tsx) is a further chunk, fetched as soon as
 * the accordion is shown, so it is there by the time anyone opens it; should it fail to load, opening an item asks again.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import * as React from 'react';
import type { Lang, SettingsInput } from '../../core';
import { DEFAULT_COUNTY_ALIASES, t } from '../../core';
import type { SelfTestView } from '../services/types';

type Body = typeof import('./SettingsBody');
let body: Body | null = null;
let loading: Promise<Body> | null = null;

function loadBody(): Promise<Body> {
  loading ??= import(/* webpackChunkName: "settings" */ './SettingsBody').then(
    (m) => (body = m),
    (e: unknown) => {
      loading = null; // not loaded (offline): the next opening asks again
      throw e;
    },
  );
  return loading;
}

/** The accordion's content once its chunk is there (null before), and a function that asks for it (again). */
function useBody(): [Body | null, () => void] {
  const [, setLoaded] = React.useState(body !== null);
  const ask = React.useCallback(() => {
    if (!body) loadBody().then(() => setLoaded(true), () => undefined);
  }, []);
  React.useEffect(ask, [ask]);
  return [body, ask];
}

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
  /** 自检 (self-test), when the surface offers it. */
  readonly onSelfTest?: (lang: Lang) => Promise<SelfTestView>;
}

export function SettingsPanel({ settings, lang, onChange, onLang, onSelfTest }: SettingsPanelProps): React.ReactElement {
  // The aliases shown are the settings' own until the user types (the settings may load after the panel is shown:
  // a text made once at mount would show the defaults, and leaving the box would write them over the saved ones).
  // Leaving the box saves only what was typed, and only when it differs from the settings.
  const fromSettings = aliasesToText(settings.countyAliases ?? DEFAULT_COUNTY_ALIASES);
  const [draft, setDraft] = React.useState<string | null>(null);
  const aliasText = draft ?? fromSettings;
  const leaveAliases = (): void => {
    if (draft !== null && draft !== fromSettings) onChange({ ...settings, countyAliases: textToAliases(draft) });
    setDraft(null);
  };
  const [loaded, ask] = useBody();
  return (
    <Accordion collapsible onToggle={ask}>
      <AccordionItem value="settings">
        <AccordionHeader>{t('pane.settings', lang)}</AccordionHeader>
        <AccordionPanel>
          {loaded ? (
            <loaded.SettingsFields
              settings={settings}
              lang={lang}
              onChange={onChange}
              onLang={onLang}
              aliasText={aliasText}
              onAliasText={setDraft}
              onAliasBlur={leaveAliases}
            />
          ) : null}
        </AccordionPanel>
      </AccordionItem>
      {onSelfTest ? (
        <AccordionItem value="selfTest">
          <AccordionHeader>{t('pane.selfTest', lang)}</AccordionHeader>
          <AccordionPanel>{loaded ? <loaded.SelfTestSection lang={lang} run={onSelfTest} /> : null}</AccordionPanel>
        </AccordionItem>
      ) : null}
    </Accordion>
  );
}
