import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFindingsDoc } from '../../src/core/i18n/doc';
import { FINDINGS } from '../../src/core/i18n/findings';

describe('docs/findings.md', () => {
  it('is generated from the current catalogue (run `npm run docs:findings` after changing it)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'findings.md'), 'utf8');
    expect(onDisk).toBe(renderFindingsDoc());
  });

  it('documents every code with both languages and a namespaced id', () => {
    for (const [code, spec] of Object.entries(FINDINGS)) {
      expect(code).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(spec.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.message['en-US']).not.toBe(spec.message['zh-CN']);
      expect(spec.rule['en-US'].length).toBeGreaterThan(5);
    }
  });
});
