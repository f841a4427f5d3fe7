import { describe, expect, it } from 'vitest';
import {
  isJurisdictionCode,
  isLeagueCode,
  jurisdictionName,
  LEAGUE_CODES,
  REGION_CODE,
} from '../../../domain/identifiers/leagues.ts';

describe('leagues and cities of Inner Mongolia (docs/rules.md §1)', () => {
  it('has the twelve league codes and the region', () => {
    expect(LEAGUE_CODES).toHaveLength(12);
    expect(LEAGUE_CODES).toContain('152900');
    expect(isLeagueCode(REGION_CODE)).toBe(false);
    expect(isJurisdictionCode(REGION_CODE)).toBe(true);
    expect(isJurisdictionCode('150000')).toBe(true);
    expect(isJurisdictionCode('110000')).toBe(false);
  });

  it('names bureaus in Chinese', () => {
    expect(jurisdictionName('150600')).toBe('鄂尔多斯市生态环境局');
    expect(jurisdictionName('150000')).toBe('内蒙古自治区生态环境厅');
  });
});
