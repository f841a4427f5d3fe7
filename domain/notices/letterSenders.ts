import { isLeagueCode, type LeagueCode } from '../identifiers/leagues.ts';
import type { CountedRecord } from './dishonestLetter.ts';

/**
 * Who sends the letter (函告) to an environmental-dishonest individual: reading of Art 18(3),(6).
 * Art 18(6) says "涉及失信人员由认定失信的生态环境局进行函告"; Art 18(3) says each league bureau
 * "确定辖区内环保信用失信信息" and the region then evaluates the individual over all of them
 * (累计评价). We read "the bureau that found the individual dishonest" as every league bureau that
 * established one of the records counted in the finding, in its own jurisdiction: each sends its own
 * letter, and a league with no counted record sends none. A record established by the region itself
 * (150000, 生态环境厅, not a 生态环境局) names no league; a finding resting only on such records is
 * sent by the leagues that listed the individual (Art 18(1)), so that no finding goes without a letter.
 */
export const LETTER_SENDERS_RULE = 'leagueBureausOfCountedRecords' as const;

/** What the letters are decided from: the practitioner's final result (null: suspended, I15). */
export interface LetterFacts {
  readonly dishonest: boolean | null;
  readonly records: readonly Pick<CountedRecord, 'league'>[];
  /** The leagues whose lists have the practitioner (Art 18(1)). */
  readonly listedBy: readonly LeagueCode[];
}

/**
 * The league bureaus that send a letter for this final result, sorted: none unless the practitioner
 * was found 环保失信个人 (Art 13); otherwise each league of a counted record (LETTER_SENDERS_RULE).
 */
export const letterSenders = (f: LetterFacts): LeagueCode[] => {
  if (f.dishonest !== true) return [];
  const ofRecords = [...new Set(f.records.map((r) => r.league).filter(isLeagueCode))];
  return (ofRecords.length > 0 ? ofRecords : [...new Set(f.listedBy)]).sort();
};
