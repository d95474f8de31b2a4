/** The findings catalogue as Markdown (docs/findings.md). Pure: the script writes it, a test checks it is current. */
import { FINDINGS, type FindingCode } from './findings';

const SEVERITY_ZH = { error: '错误 error', warning: '警告 warning', info: '提示 info' } as const;

export function renderFindingsDoc(): string {
  const codes = (Object.keys(FINDINGS) as FindingCode[]).sort();
  const groups = new Map<string, FindingCode[]>();
  for (const c of codes) {
    const g = c.split('/')[0] ?? c;
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const out: string[] = [
    '# Findings catalogue / 校验结果代码表',
    '',
    '<!-- Generated from src/core/i18n/findings.ts by `npm run docs:findings`. Do not edit by hand. -->',
    '',
    'Every finding has a stable `code`, a severity, the sheet and cell (A1) it is about, and the parameters of',
    'its message, which is rendered from them in zh-CN (default) or en-US. Severity: **error** — a number or',
    'mark is wrong; **warning** — probably wrong or ambiguous; **info** — worth a look.',
    '',
    `${codes.length} codes.`,
  ];
  for (const [group, list] of groups) {
    out.push('', `## ${group}`, '', '| code | severity | rule (zh-CN) | rule (en-US) | message (zh-CN) |', '|---|---|---|---|---|');
    for (const c of list) {
      const s = FINDINGS[c];
      const esc = (x: string) => x.replace(/\|/g, '\\|');
      out.push(`| \`${c}\` | ${SEVERITY_ZH[s.severity]} | ${esc(s.rule['zh-CN'])} | ${esc(s.rule['en-US'])} | ${esc(s.message['zh-CN'])} |`);
    }
  }
  out.push('');
  return out.join('\n');
}
