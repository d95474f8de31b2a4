/**
 * Unit names of a district (区) government: a cell may hold several units, one per line (or
 * separated by 、), long and short forms name the same office, and phrases such as `各镇（街道）`
 * name a group, not one unit.
 */
import { lines, ownValue, toHalfWidth } from '../../text';

/**
 * Long form → short form of district offices, as the annexes write them. The settings' own
 * `unitAliases` are applied on top, so an office can add its own.
 */
export const DISTRICT_UNIT_ALIASES: Readonly<Record<string, string>> = {
  区发展和改革局: '区发改局',
  区发展改革局: '区发改局',
  区人力资源和社会保障局: '区人社局',
  区卫生健康局: '区卫健局',
  区教育体育局: '区教体局',
  区教育局: '区教体局',
  区住房和城乡建设局: '区住建局',
  区市场监督管理局: '区市场监管局',
  区文化旅游广电局: '区文旅广电局',
  区文化旅游广播电视局: '区文旅广电局',
  区商务粮食局: '区商粮局',
  区医疗保障局: '区医保局',
  区应急管理局: '区应急局',
  区交通运输局: '区交通局',
  区人民政府办公室: '区政府办',
  区政府办公室: '区政府办',
  区城市管理和综合执法局: '区城管局',
  区城市管理局: '区城管局',
  区自然资源和规划局: '区自然资源局',
  区妇女联合会: '区妇联',
  区残疾人联合会: '区残联',
  区工商业联合会: '区工商联',
  区数据资源局: '区数据局',
  区退役军人局: '区退役军人事务局',
};

/** Phrases naming a group of units (`各镇（街道）`, `各实事承办单位`, `区直各指标牵头单位`). */
const GROUP_UNIT = /^(?:各|区直各|其他|其余)|(?:各相关单位|承办单位|牵头单位)$/;

export function isGroupUnit(name: string): boolean {
  return GROUP_UNIT.test(name);
}

/** The units named in one cell: one per line, or separated by 、，, ; ；. */
export function splitUnits(text: string): string[] {
  const out: string[] = [];
  for (const line of lines(text)) {
    for (const part of line.split(/[、，,;；]/)) {
      const name = part.replace(/\s+/g, '').trim();
      if (name !== '') out.push(name);
    }
  }
  return out;
}

/** The unit's canonical name: the alias table's short form (settings first), full-width folded. */
export function canonicalDistrictUnit(name: string, aliases: Readonly<Record<string, string>>): string {
  const key = toHalfWidth(name).replace(/\s+/g, '');
  return ownValue(aliases, key) ?? ownValue(DISTRICT_UNIT_ALIASES, key) ?? key;
}
