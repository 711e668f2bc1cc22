export * from './entities/programs.entities';
export * from './graphql/programs.models';
export * from './programs.module';
export * from './services/partner-metrics';
export * from './services/programs.service';
export * from './services/tier-evaluation.service';
