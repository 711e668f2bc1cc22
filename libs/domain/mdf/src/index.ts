export { accrualBudgetMinor } from './accrual';
export {
  approveClaim,
  assertBalances,
  availableMinor,
  BALANCE_COLUMNS,
  committedMinor,
  emptyBalances,
  payClaim,
  releaseReservation,
  reserve,
  setBudget,
  submitClaim,
  withdrawClaim,
} from './balances';
export type { ClaimApproval, FundBalances } from './balances';
export { claimCapMinor, coFundingCapMinor } from './co-funding';
export {
  claimDeadline,
  DEFAULT_CLAIM_DEADLINE_DAYS,
  DEFAULT_EXPIRY_GRACE_DAYS,
  EXPIRY_REMINDER_DAYS,
  expiryRemindersDue,
  fundExpiry,
  isActivityInWindow,
  isClaimLate,
} from './deadlines';
export { FUND_PERIOD_KINDS, fundPeriodLabel, fundPeriodMonths, fundPeriodOf, isPeriodStart, nextFundPeriod } from './fund-period';
export type { FundPeriod, FundPeriodKind } from './fund-period';
export {
  canClaim,
  canRequest,
  CLAIM_ACTIONS,
  CLAIM_STATUSES,
  isClaimFinal,
  isClaimOpen,
  isRequestEditable,
  isRequestFinal,
  nextClaimStatus,
  nextRequestStatus,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
} from './lifecycle';
export type { ClaimAction, ClaimStatus, RequestAction, RequestStatus } from './lifecycle';
export { formatMoneyText, insufficientFundsMessage } from './money-text';
export {
  extensionFor,
  MAX_PROOF_FILE_BYTES,
  MAX_PROOF_FILE_NAME_LENGTH,
  MAX_PROOF_FILES,
  PROOF_CONTENT_TYPES,
  PROOF_SNIFF_BYTES,
  proofFileNameProblem,
  sniffProofType,
  validateProofFiles,
} from './proof-files';
export type { ProofContentType, ProofFileCandidate } from './proof-files';
export { medianSeconds, perThousand, pipelinePerUnit, roiPercent, spentMinor, utilisationPercent } from './reports';
