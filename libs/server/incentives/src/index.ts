export * from './incentives.module';
export * from './services/incentives.types';
export * from './services/incentives-store.service';
export * from './services/incentive-plans.service';
export * from './services/incentive-accruals.service';
export * from './services/incentive-statements.service';
export * from './services/points.service';
export * from './graphql/incentives.graphql';
