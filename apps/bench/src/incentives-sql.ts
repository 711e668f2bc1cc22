// The raw-SQL baseline of the statement page: what IncentiveStatementsService.get and
// IncentiveAccrualsService.linesOfStatements read, with the same columns and order.
import { LINE_COLUMNS, LINES_OF_STATEMENT, STATEMENT_COLUMNS } from '@prm/server/incentives';

/** The statement row (vendor staff: no scope). */
export const INCENTIVE_STATEMENT_SQL = `SELECT ${STATEMENT_COLUMNS} FROM incentive_statements s WHERE s.id = $1`;

/** Its lines, in the order the statement page shows them. */
export const INCENTIVE_STATEMENT_LINES_SQL = `SELECT ${LINE_COLUMNS} FROM incentive_statements s JOIN incentive_accrual_lines l ON ${LINES_OF_STATEMENT}
  WHERE s.id = ANY($1::uuid[]) ORDER BY s.id, l.unit, l.source_type, l.source_id, l.rule, l.kind, l.id`;
