import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value !== '' ? Number(value) : value);

/** Every setting the api reads, validated once at boot. Documented in README "Configuration". */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional() @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './.data';

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 14;

  @Transform(toInt) @IsInt() @Min(1) @Max(720)
  INVITE_TTL_HOURS = 72;

  @Transform(toBool) @IsBoolean()
  COOKIE_SECURE = false;

  @Transform(toBool) @IsOptional() @IsBoolean()
  DEMO_MODE?: boolean;

  @Transform(toBool) @IsBoolean()
  RUN_MIGRATIONS = true;

  @Transform(toBool) @IsBoolean()
  RUN_WORKERS = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional() @IsUrl({ require_tld: false })
  PUBLIC_URL?: string;

  @IsOptional() @IsString()
  PORTAL_DIST?: string;

  /** SMTP server for outgoing e-mail, e.g. smtp://user:pass@mail.example.com:587; unset: messages are logged. */
  @IsOptional() @IsString()
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Partner Portal <no-reply@localhost>';

  /** argon2id memory cost in KiB (OWASP minimum 19 MiB); tests lower it to keep suites fast. */
  @Transform(toInt) @IsInt() @Min(1024) @Max(1048576)
  ARGON2_MEMORY_KIB = 19456;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  LOGIN_MAX_FAILURES_PER_IP = 30;

  @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  LOGIN_THROTTLE_WINDOW_MINUTES = 15;

  @Transform(toInt) @IsInt() @Min(2) @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt) @IsInt() @Min(10) @Max(1000000)
  GRAPHQL_MAX_COST = 10000;

  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  GRAPHQL_MAX_ALIASES = 30;

  @IsString()
  TIER_EVALUATION_CRON = '0 3 * * *';

  /** Deal registration expiry and protection reminders (UTC cron). */
  @IsString()
  DEAL_SCHEDULE_CRON = '15 * * * *';

  /** Hours a partner has to accept or decline a lead before it returns to the pool. */
  @Transform(toInt) @IsInt() @Min(1) @Max(720)
  LEAD_RESPONSE_HOURS = 48;

  /** Hours before a lead's response deadline at which the partner is reminded. */
  @Transform(toInt) @IsInt() @Min(1) @Max(168)
  LEAD_REMINDER_HOURS = 12;

  /** Currency revenue reports are in; other currencies convert by the exchange-rate table. */
  @IsString() @Matches(/^[A-Z]{3}$/)
  REVENUE_BASE_CURRENCY = 'EUR';

  /** Folder for MDF proof files (default <DATA_DIR>/mdf-files; a temporary folder with DATA_DIR=memory://). */
  @IsOptional() @IsString()
  MDF_STORAGE_DIR?: string;

  /** Where MDF proof files are kept: `local` (MDF_STORAGE_DIR) or `s3` (an S3-compatible bucket, the S3_* settings). */
  @IsIn(['local', 's3'])
  MDF_STORAGE = 'local';

  /** S3-compatible endpoint (MinIO, Ceph, R2 …); unset: AWS S3 in S3_REGION. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  /** Bucket for MDF proof files (required with MDF_STORAGE=s3). */
  @IsOptional() @IsString()
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** Key prefix inside the bucket, e.g. `prm/mdf/`. */
  @IsString() @Matches(/^([A-Za-z0-9._-]+\/)*$/)
  S3_PREFIX = '';

  /** Credentials; both unset: the AWS SDK's default chain (environment, instance or pod role). */
  @IsOptional() @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional() @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need. */
  @Transform(toBool) @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  /** MDF schedule: request and fund expiry, expiry reminders, accrual recompute (UTC cron). */
  @IsString()
  MDF_SCHEDULE_CRON = '20 * * * *';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get demoMode(): boolean {
    return this.DEMO_MODE ?? !this.isProduction;
  }

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get publicUrl(): string {
    return this.PUBLIC_URL ?? `http://localhost:${this.PORT}`;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates configuration from an environment map; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'DEMO_MODE', 'PUBLIC_URL', 'PORTAL_DIST', 'SMTP_URL', 'MDF_STORAGE_DIR', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const problems = validateSync(config, { whitelist: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );
  if (config.isProduction && (!env['JWT_SECRET'] || config.JWT_SECRET === DEV_JWT_SECRET)) {
    problems.push('JWT_SECRET: must be set to a secret of your own in production (NODE_ENV=production)');
  }
  if (config.MDF_STORAGE === 's3' && !config.S3_BUCKET) problems.push('S3_BUCKET: must be set when MDF_STORAGE=s3');
  if (!config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY) problems.push('S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: set both or neither');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
