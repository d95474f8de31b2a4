import {
  type Assessment,
  deriveItemRating,
  isAtLeastLikely,
  parseAssessment,
  ratingIn,
  splitNotes,
} from '../../src/core/annexes/incentive-analysis/ratings';

const ON = { guaranteedQuotaIsVeryLikely: true };
const OFF = { guaranteedQuotaIsVeryLikely: false };

function units(a: Assessment): string[] {
  return a.pairs.map((p) => p.unit);
}

describe('ratingIn', () => {
  it('prefers 很有可能 over its substring 有可能', () => {
    expect(ratingIn('很有可能')).toBe('很有可能');
    expect(ratingIn('有可能')).toBe('有可能');
    expect(ratingIn('难度较大')).toBe('难度较大');
    expect(ratingIn('不太可能')).toBe('不太可能');
    expect(ratingIn('待定')).toBeNull();
  });
});

describe('isAtLeastLikely', () => {
  it('is true for 很有可能 and 有可能 only', () => {
    expect(isAtLeastLikely('很有可能')).toBe(true);
    expect(isAtLeastLikely('有可能')).toBe(true);
    expect(isAtLeastLikely('难度较大')).toBe(false);
    expect(isAtLeastLikely('不太可能')).toBe(false);
  });
});

describe('parseAssessment / deriveItemRating', () => {
  it('a bare rating is the item rating and names no unit', () => {
    const a = parseAssessment('难度较大');
    expect(a.pairs).toEqual([]);
    expect(a.unnamed).toEqual(['难度较大']);
    expect(deriveItemRating(a, ON)).toEqual({ rating: '难度较大', byGuarantee: false });
  });

  it('one unit：rating pair per line; the item rating is the best pair', () => {
    const a = parseAssessment('州本级：有可能\n吉首市：有可能\n花垣县：很有可能');
    expect(a.pairs).toEqual([
      { unit: '州本级', rating: '有可能', line: 0 },
      { unit: '吉首市', rating: '有可能', line: 1 },
      { unit: '花垣县', rating: '很有可能', line: 2 },
    ]);
    expect(a.unrated).toEqual([]);
    expect(deriveItemRating(a, ON)).toEqual({ rating: '很有可能', byGuarantee: false });
  });

  it('the best pair wins whatever its position', () => {
    const a = parseAssessment('州本级：不太可能\n吉首市：难度较大');
    expect(deriveItemRating(a, ON).rating).toBe('难度较大');
  });

  it('有可能 is not read as 很有可能, and 很有可能 is not read as 有可能', () => {
    expect(parseAssessment('龙山县：有可能').pairs[0]?.rating).toBe('有可能');
    expect(parseAssessment('龙山县：很有可能').pairs[0]?.rating).toBe('很有可能');
    expect(deriveItemRating(parseAssessment('有可能'), ON).rating).toBe('有可能');
  });

  it('accepts a half-width colon and CRLF line breaks', () => {
    const a = parseAssessment('吉首市:有可能\r\n凤凰县：很有可能');
    expect(units(a)).toEqual(['吉首市', '凤凰县']);
  });

  it('ignores ratings inside a full-width parenthetical note', () => {
    const a = parseAssessment('吉首市：有可能\n花垣县：有可能\n（其中一个很有可能）');
    expect(units(a)).toEqual(['吉首市', '花垣县']);
    expect(a.notes).toEqual(['其中一个很有可能']);
    expect(deriveItemRating(a, ON)).toEqual({ rating: '有可能', byGuarantee: false });
  });

  it('ignores units named inside a note', () => {
    const a = parseAssessment('难度较大\n（重点：吉首市、龙山县）');
    expect(a.pairs).toEqual([]);
    expect(deriveItemRating(a, ON).rating).toBe('难度较大');
  });

  it('a note on the same line as a pair does not change the pair', () => {
    const a = parseAssessment('吉首市：有可能（其中一个很有可能）');
    expect(a.pairs).toEqual([{ unit: '吉首市', rating: '有可能', line: 0 }]);
  });

  describe('必有1个名额 convention', () => {
    const text = '吉首市：有可能\n（注：根据考核细则，必有1个名额）';

    it('counts as 很有可能 when the setting is on, and says why', () => {
      const a = parseAssessment(text);
      expect(a.guaranteed).toBe(true);
      expect(deriveItemRating(a, ON)).toEqual({ rating: '很有可能', byGuarantee: true });
    });

    it('does not count when the setting is off', () => {
      expect(deriveItemRating(parseAssessment(text), OFF)).toEqual({ rating: '有可能', byGuarantee: false });
    });

    it('is not credited when the pairs already give 很有可能', () => {
      const a = parseAssessment('州本级：很有可能\n（注：根据考核细则，必有1个名额）');
      expect(deriveItemRating(a, ON)).toEqual({ rating: '很有可能', byGuarantee: false });
    });

    it('is recognised with a Chinese numeral', () => {
      expect(parseAssessment('有可能（必有一个名额）').guaranteed).toBe(true);
    });
  });

  it('`县市均有可能` gives a rating but names no unit', () => {
    const a = parseAssessment('州本级：有可能\n县市均有可能（动态变化）\n（注：根据考核细则，必有1个名额）');
    expect(units(a)).toEqual(['州本级']);
    expect(a.unnamed).toEqual(['有可能']);
    expect(deriveItemRating(a, OFF).rating).toBe('有可能');
    expect(deriveItemRating(a, ON)).toEqual({ rating: '很有可能', byGuarantee: true });
  });

  it('`县市区：有可能` gives a rating but names no unit', () => {
    const a = parseAssessment('州本级：很有可能\n县市区：有可能');
    expect(units(a)).toEqual(['州本级']);
    expect(a.unnamed).toEqual(['有可能']);
    expect(deriveItemRating(a, ON).rating).toBe('很有可能');
  });

  it('a group phrase alone still rates the item', () => {
    const a = parseAssessment('县市区：有可能');
    expect(a.pairs).toEqual([]);
    expect(deriveItemRating(a, ON).rating).toBe('有可能');
  });

  it('keeps lines with no known rating as unrated, and gives no rating when nothing is rated', () => {
    const a = parseAssessment('吉首市：待定\n待研究');
    expect(a.pairs).toEqual([]);
    expect(a.unrated).toEqual(['吉首市:待定', '待研究']);
    expect(deriveItemRating(a, ON)).toEqual({ rating: null, byGuarantee: false });
  });

  it('an unrated line beside rated pairs is kept, the rated pairs still count', () => {
    const a = parseAssessment('州本级：有可能\n吉首市：待定');
    expect(units(a)).toEqual(['州本级']);
    expect(a.unrated).toHaveLength(1);
    expect(deriveItemRating(a, ON).rating).toBe('有可能');
  });

  it('blank text has no rating', () => {
    expect(deriveItemRating(parseAssessment(''), ON)).toEqual({ rating: null, byGuarantee: false });
  });
});

describe('splitNotes', () => {
  it('handles nested and half-width parentheses', () => {
    expect(splitNotes('已完成2大项（基本完成稳定产能（按预测产能）、绿色发展）')).toEqual({
      main: '已完成2大项',
      notes: ['基本完成稳定产能(按预测产能)、绿色发展'],
    });
    expect(splitNotes('有可能(动态变化)').notes).toEqual(['动态变化']);
  });

  it('keeps an unclosed note as a note', () => {
    expect(splitNotes('有可能（其中一个很有可能').main).toBe('有可能');
  });
});
