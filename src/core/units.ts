/**
 * Unit names: one alias table. Long and short forms of the same office (州发展和改革委员会 = 州发改委)
 * are the same unit; a park named instead of its county (花垣产业开发区 → 花垣县) is mapped only through
 * the explicit `countyAliases` table, and every such mapping is reported (never silent).
 */
import { ownValue } from './text';

/** Long form → short form of prefecture offices. Both forms are accepted everywhere. */
export const DEFAULT_UNIT_ALIASES: Readonly<Record<string, string>> = {
  州发展和改革委员会: '州发改委',
  州发展改革委: '州发改委',
  州行政审批服务局: '州行政审批服务局',
  州人民政府金融工作办公室: '州政府金融办',
  州金融办: '州政府金融办',
  州人力资源和社会保障局: '州人社局',
  州教育和体育局: '州教体局',
  州科学技术局: '州科技局',
  州卫生健康委员会: '州卫健委',
  州卫生健康委: '州卫健委',
  州医疗保障局: '州医保局',
  州工业和信息化局: '州工信局',
  州住房和城乡建设局: '州住建局',
  州市场监督管理局: '州市场监管局',
  州文化旅游广电局: '州文旅广电局',
  州文化旅游和广电局: '州文旅广电局',
  州人民政府办公室: '州政府办',
  州政府办公室: '州政府办',
  州农业农村局: '州农业农村局',
  州生态环境局: '州生态环境局',
  州自然资源和规划局: '州自然资源和规划局',
  州自然资源局: '州自然资源和规划局',
  州交通运输局: '州交通运输局',
  州粮食和物资储备局: '州粮食和物资储备局',
  州粮食局: '州粮食和物资储备局',
  州应急管理局: '州应急管理局',
};

/** A park or development zone named instead of its county. Explicit, reported when applied. */
export const DEFAULT_COUNTY_ALIASES: Readonly<Record<string, string>> = {
  花垣产业开发区: '花垣县',
  泸溪高新区: '泸溪县',
};

/** Phrases that name a group of counties, not one: they carry a rating but no particular county. */
export const GROUP_PHRASES: readonly RegExp[] = [/^各?(县市区|县市|县区|县|市州|园区)(均|都)?$/, /^(其他|其余)(县市区|县市)$/];

export function isGroupPhrase(name: string): boolean {
  return GROUP_PHRASES.some((p) => p.test(name));
}

export function canonicalUnit(name: string, aliases: Readonly<Record<string, string>>): string {
  const key = name.replace(/\s+/g, '');
  return ownValue(aliases, key) ?? key;
}
