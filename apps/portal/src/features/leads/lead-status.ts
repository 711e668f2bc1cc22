import type { LeadStatus } from '../../gql/graphql';

/** In lifecycle order, for filter chips. */
export const LEAD_STATUSES: readonly LeadStatus[] = ['OPEN', 'ASSIGNED', 'ACCEPTED', 'CLOSED'];

export const LEAD_STATUS_COLOR: Record<LeadStatus, string> = {
  OPEN: 'blue',
  ASSIGNED: 'yellow',
  ACCEPTED: 'teal',
  CLOSED: 'gray',
};

export const isLeadStatus = (value: string): value is LeadStatus => (LEAD_STATUSES as readonly string[]).includes(value);

/** "L-12", as the API's notifications name a lead. */
export const leadReference = (number: number): string => `L-${number}`;

/** "L-12 · Fabrikam", for headings, dialogs and screen-reader names of row buttons. */
export const leadLabel = (lead: { number: number; companyName: string }): string => `${leadReference(lead.number)} · ${lead.companyName}`;

/** How an assignment ended (the API sends these as strings); null while the partner has not answered. */
export const ASSIGNMENT_OUTCOMES = ['ACCEPTED', 'DECLINED', 'LAPSED', 'WITHDRAWN'] as const;
export type AssignmentOutcome = (typeof ASSIGNMENT_OUTCOMES)[number];
export const isAssignmentOutcome = (value: string): value is AssignmentOutcome => (ASSIGNMENT_OUTCOMES as readonly string[]).includes(value);

export const ASSIGNMENT_OUTCOME_COLOR: Record<AssignmentOutcome, string> = {
  ACCEPTED: 'teal',
  DECLINED: 'red',
  LAPSED: 'orange',
  WITHDRAWN: 'gray',
};

export const ASSIGNMENT_METHODS = ['MANUAL', 'RULE'] as const;
export const isAssignmentMethod = (value: string): value is (typeof ASSIGNMENT_METHODS)[number] => (ASSIGNMENT_METHODS as readonly string[]).includes(value);

export const LEAD_SOURCES = ['MANUAL', 'IMPORT'] as const;
export const isLeadSource = (value: string): value is (typeof LEAD_SOURCES)[number] => (LEAD_SOURCES as readonly string[]).includes(value);
