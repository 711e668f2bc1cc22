export * from './deals.module';
export * from './entities/deals.entities';
export * from './graphql/deals.inputs';
export * from './graphql/deals.models';
export * from './services/deal-registrations.service';
export * from './services/deal-setup.service';
export * from './services/leads.service';
export * from './graphql/leads.graphql';
