import * as deals from '../index';
import * as businessTime from '../business-time';
import * as companyName from '../company-name';
import * as conflictScore from '../conflict-score';
import * as lifecycle from '../deal-lifecycle';
import * as dealRules from '../deal-rules';

describe('index (the @prm/domain/deals public API)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['business-time', businessTime, ['addBusinessDays', 'addDays', 'daysLeft', 'dueReminder']],
    ['company-name', companyName, ['LEGAL_SUFFIXES', 'normaliseCompanyName']],
    ['conflict-score', conflictScore, ['isMatch', 'MATCH_THRESHOLD', 'NAME_SIMILARITY_THRESHOLD', 'scoreConflict']],
    ['deal-lifecycle', lifecycle, ['canTransition', 'DEAL_ACTIONS', 'DEAL_STATUSES', 'isActive', 'isEditable', 'isFinal', 'nextDealStatus']],
    [
      'deal-rules',
      dealRules,
      ['assertMeetsMinimum', 'DEFAULT_DEAL_RULES', 'extendedProtectionEnd', 'firstYearValueMinor', 'protectionEndsAt', 'reviewDueAt'],
    ],
  ])('re-exports every export of %s unchanged', (_module, source, names) => {
    expect(Object.keys(source).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(name in deals).toBe(true);
      expect((deals as Record<string, unknown>)[name]).toBe(source[name]);
    }
  });
});
