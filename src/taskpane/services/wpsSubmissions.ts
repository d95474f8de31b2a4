/**
 * WPS mode's submission actions (生成填报模板, 与上一版比较, 批量校验报送 with 报送情况, 合并报送), at parity with
 * Excel mode (hostSubmissions.ts, with the WPS adapter): what goes into the open workbook — 版本比较, 报送情况 and
 * the merged annexes — is written through src/wps, which reads with yields and a time budget. 生成填报模板 is
 * offered as a download: the WPS object model opens workbooks from paths, not from bytes. WPS's own error text
 * never reaches the user.
 */
import type { Lang } from '../../core';
import { auditThenWriteWps, isWpsAdapterError, renderWpsNote, type WpsApplication, writeWpsSheetPlans } from '../../wps';
import { browserSave } from './fileMode';
import { work } from './fileSubmissions';
import { guardedBy, hostSubmissions } from './hostSubmissions';
import type { SubmissionServices, TemplateOutcome } from './types';

export function createWpsSubmissions(app: WpsApplication, save: (name: string, bytes: Uint8Array) => void = browserSave): SubmissionServices {
  const makeTemplate: SubmissionServices['makeTemplate'] = (request, lang: Lang): Promise<TemplateOutcome> =>
    guardedBy(isWpsAdapterError, lang, async () => {
      const w = await work();
      const made = await w.makeTemplate(request.kinds, request.year, lang);
      save(made.name, made.bytes);
      return { sheets: made.sheets, marker: made.marker, file: made.name, created: false };
    });
  return hostSubmissions(
    {
      isAdapterError: isWpsAdapterError,
      auditThenWrite: (build, opts) => auditThenWriteWps(build, { app, ...opts }),
      writePlans: (plans) => writeWpsSheetPlans(plans, app),
      renderNote: renderWpsNote,
    },
    makeTemplate,
  );
}
