export * from './revenue.module';
export * from './services/ledger.service';
export * from './services/ledger.types';
export * from './services/rollup.service';
export * from './services/revenue-reports.service';
export * from './services/revenue-facts.service';
export * from './graphql/revenue.graphql';
