import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  aliasLimitRule,
  AppConfig,
  buildDataSourceOptions,
  type Clock,
  CoreModule,
  costLimitPlugin,
  createErrorFormatter,
  depthLimitRule,
  DomainErrorHttpFilter,
  LOGGER,
} from '@prm/server/core';
import { DealsModule } from '@prm/server/deals';
import { MdfModule } from '@prm/server/mdf';
import { IncentivesModule } from '@prm/server/incentives';
import { RevenueModule } from '@prm/server/revenue';
import { IdentityModule } from '@prm/server/identity';
import { NotificationsModule } from '@prm/server/notifications';
import { ProgramsModule } from '@prm/server/programs';
import type { Logger } from 'pino';
import { MIGRATIONS } from '../migrations';
import { DemoSeedService } from './demo-seed.service';

export interface AppModuleOptions {
  config: AppConfig;
  logger: Logger;
  clock?: Clock;
}

/** Composition root: configuration, database, GraphQL and the bounded-context modules. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        TypeOrmModule.forRootAsync({
          inject: [AppConfig, LOGGER],
          useFactory: (config: AppConfig, logger: Logger) => ({
            ...buildDataSourceOptions(config, logger, { migrations: MIGRATIONS }),
            autoLoadEntities: true,
          }),
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AppConfig, LOGGER],
          useFactory: (config: AppConfig, logger: Logger) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            introspection: !config.isProduction,
            playground: false,
            csrfPrevention: true,
            includeStacktraceInErrorResponses: false,
            plugins: [
              // No resolver sets cache hints; the default plugin would still wrap every field.
              ApolloServerPluginCacheControlDisabled(),
              costLimitPlugin(config.GRAPHQL_MAX_COST),
              ...(config.isProduction ? [] : [ApolloServerPluginLandingPageLocalDefault({ embed: true })]),
            ],
            validationRules: [depthLimitRule(config.GRAPHQL_MAX_DEPTH), aliasLimitRule(config.GRAPHQL_MAX_ALIASES)],
            formatError: createErrorFormatter(logger, false),
            context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          }),
        }),
        IdentityModule,
        ProgramsModule,
        NotificationsModule,
        DealsModule,
        RevenueModule,
        MdfModule,
        IncentivesModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorHttpFilter }, DemoSeedService],
      exports: [DemoSeedService],
    };
  }
}
