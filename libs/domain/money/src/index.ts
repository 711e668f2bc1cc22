export { allocate } from './allocation';
export { assertCurrencyCode, isCurrencyCode, minorUnitDigits } from './currency';
export {
  canonicalDecimal,
  compareDecimal,
  compareScaled,
  formatCanonical,
  formatFixed,
  isDecimalString,
  MAX_DECIMAL_LENGTH,
  parseDecimal,
  requireDecimal,
  rescale,
  subtractDecimal,
} from './decimal';
export type { DecimalShape, ScaledDecimal } from './decimal';
export { addMoney, formatMoneyPlain, MAX_AMOUNT_MINOR, money, parseMoney, subtractMoney } from './money';
export type { Money } from './money';
export {
  applyPercent,
  formatPercent,
  HUNDRED_PERCENT,
  isValidPercent,
  parsePercent,
  PERCENT_SCALE,
  PERCENT_UNITS_PER_HUNDRED,
  percentFromUnits,
  ZERO_PERCENT,
} from './percent';
export type { Percent } from './percent';
export { divRound, ROUNDING_MODES } from './rounding';
export type { RoundingMode } from './rounding';
