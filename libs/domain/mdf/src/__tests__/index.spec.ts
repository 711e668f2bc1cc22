import * as mdf from '../index';
import * as accrual from '../accrual';
import * as balances from '../balances';
import * as coFunding from '../co-funding';
import * as deadlines from '../deadlines';
import * as fundPeriod from '../fund-period';
import * as lifecycle from '../lifecycle';
import * as moneyText from '../money-text';
import * as proofFiles from '../proof-files';
import * as reports from '../reports';

const MODULES: [string, Record<string, unknown>, string[]][] = [
  ['accrual', accrual, ['accrualBudgetMinor']],
  [
    'balances',
    balances,
    [
      'approveClaim',
      'assertBalances',
      'availableMinor',
      'BALANCE_COLUMNS',
      'committedMinor',
      'emptyBalances',
      'payClaim',
      'releaseReservation',
      'reserve',
      'setBudget',
      'submitClaim',
      'withdrawClaim',
    ],
  ],
  ['co-funding', coFunding, ['claimCapMinor', 'coFundingCapMinor']],
  [
    'deadlines',
    deadlines,
    ['claimDeadline', 'DEFAULT_CLAIM_DEADLINE_DAYS', 'DEFAULT_EXPIRY_GRACE_DAYS', 'EXPIRY_REMINDER_DAYS', 'expiryRemindersDue', 'fundExpiry', 'isActivityInWindow', 'isClaimLate'],
  ],
  ['fund-period', fundPeriod, ['FUND_PERIOD_KINDS', 'fundPeriodLabel', 'fundPeriodMonths', 'fundPeriodOf', 'isPeriodStart', 'nextFundPeriod']],
  [
    'lifecycle',
    lifecycle,
    [
      'canClaim',
      'canRequest',
      'CLAIM_ACTIONS',
      'CLAIM_STATUSES',
      'isClaimFinal',
      'isClaimOpen',
      'isRequestEditable',
      'isRequestFinal',
      'nextClaimStatus',
      'nextRequestStatus',
      'REQUEST_ACTIONS',
      'REQUEST_STATUSES',
    ],
  ],
  ['money-text', moneyText, ['formatMoneyText', 'insufficientFundsMessage']],
  [
    'proof-files',
    proofFiles,
    [
      'extensionFor',
      'MAX_PROOF_FILE_BYTES',
      'MAX_PROOF_FILE_NAME_LENGTH',
      'MAX_PROOF_FILES',
      'PROOF_CONTENT_TYPES',
      'PROOF_SNIFF_BYTES',
      'proofFileNameProblem',
      'sniffProofType',
      'validateProofFiles',
    ],
  ],
  ['reports', reports, ['medianSeconds', 'perThousand', 'pipelinePerUnit', 'roiPercent', 'spentMinor', 'utilisationPercent']],
];

describe('index (the @prm/domain/mdf public API)', () => {
  it.each(MODULES)('re-exports every export of %s unchanged', (_module, source, names) => {
    expect(Object.keys(source).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(name in mdf).toBe(true);
      expect((mdf as Record<string, unknown>)[name]).toBe(source[name]);
    }
  });

  it('exports nothing else', () => {
    expect(Object.keys(mdf)).toHaveLength(MODULES.reduce((sum, [, , names]) => sum + names.length, 0));
  });
});
