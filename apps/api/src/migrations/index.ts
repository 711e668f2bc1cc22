import { InitialIdentityPrograms1764000000000 } from './1764000000000-initial-identity-programs';
import { DealRegistration1764100000000 } from './1764100000000-deal-registration';
import { Leads1764200000000 } from './1764200000000-leads';
import { Revenue1764300000000 } from './1764300000000-revenue';
import { RevenueDerivedWithoutFk1764310000000 } from './1764310000000-revenue-derived-without-fk';
import { Mdf1764400000000 } from './1764400000000-mdf';
import { Incentives1764500000000 } from './1764500000000-incentives';
import { IncentiveSourceTypes1764600000000 } from './1764600000000-incentive-source-types';
import { IncentiveActivitiesTraining1764600000001 } from './1764600000001-incentive-activities-training';
import { IncentiveReferrals1764600000002 } from './1764600000002-incentive-referrals';

/** Every migration, in order. New migrations are appended here (and reviewed, with a working down()). */
export const MIGRATIONS = [
  InitialIdentityPrograms1764000000000,
  DealRegistration1764100000000,
  Leads1764200000000,
  Revenue1764300000000,
  RevenueDerivedWithoutFk1764310000000,
  Mdf1764400000000,
  Incentives1764500000000,
  IncentiveSourceTypes1764600000000,
  IncentiveActivitiesTraining1764600000001,
  IncentiveReferrals1764600000002,
];
