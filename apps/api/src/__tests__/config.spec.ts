import { ConfigError, loadConfig } from '@prm/server/core';

const GOOD_SECRET = 'a-production-secret-that-is-long-enough';

/** The problems a ConfigError lists for an environment (fails when the environment is accepted). */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    for (const problem of problems) expect((err as ConfigError).message).toContain(problem);
    return problems;
  }
  throw new Error(`configuration was accepted: ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  describe('JWT_SECRET in production', () => {
    it('refuses a missing secret', () => {
      const problems = problemsOf({ NODE_ENV: 'production' });
      expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET: .*production/)]);
    });

    it('refuses an empty secret the same way', () => {
      expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: '' })).toEqual([expect.stringMatching(/^JWT_SECRET: /)]);
    });

    it('refuses the development default', () => {
      const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'dev-only-insecure-jwt-secret-change-me' });
      expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET: must be set to a secret of your own/)]);
    });

    it('refuses a secret shorter than 32 characters', () => {
      const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) });
      expect(problems).toEqual(['JWT_SECRET: JWT_SECRET must be at least 32 characters']);
    });

    it('accepts a proper secret', () => {
      const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: GOOD_SECRET });
      expect(config.isProduction).toBe(true);
      expect(config.JWT_SECRET).toBe(GOOD_SECRET);
      expect(config.demoMode).toBe(false);
    });

    it('lets development run on the built-in secret, but not on a short one', () => {
      expect(loadConfig({ NODE_ENV: 'development' }).JWT_SECRET.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({}).NODE_ENV).toBe('development');
      expect(problemsOf({ NODE_ENV: 'development', JWT_SECRET: 'short' })).toEqual([expect.stringMatching(/^JWT_SECRET: /)]);
    });
  });

  it('requires PORT to be a whole number in range', () => {
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
    expect(loadConfig({}).PORT).toBe(3000);
    for (const port of ['abc', '80.5', '70000', '-1', '3000abc']) {
      const problems = problemsOf({ PORT: port });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.startsWith('PORT: '))).toBe(true);
    }
  });

  it('parses booleans such as RUN_WORKERS', () => {
    expect(loadConfig({}).RUN_WORKERS).toBe(true);
    expect(loadConfig({ RUN_WORKERS: 'false' }).RUN_WORKERS).toBe(false);
    expect(loadConfig({ RUN_WORKERS: 'FALSE' }).RUN_WORKERS).toBe(false);
    expect(loadConfig({ RUN_WORKERS: '0' }).RUN_WORKERS).toBe(false);
    expect(loadConfig({ RUN_WORKERS: 'true' }).RUN_WORKERS).toBe(true);
    expect(loadConfig({ RUN_WORKERS: '1' }).RUN_WORKERS).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'yes' }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ DEMO_MODE: 'false' }).demoMode).toBe(false);
    expect(loadConfig({}).demoMode).toBe(true);
  });

  it('uses the embedded database when DATABASE_URL is absent', () => {
    expect(loadConfig({}).embedded).toBe(true);
    expect(loadConfig({ DATABASE_URL: '' }).embedded).toBe(true);
    const server = loadConfig({ DATABASE_URL: 'postgres://prm@db:5432/prm' });
    expect(server.embedded).toBe(false);
    expect(server.DATABASE_URL).toBe('postgres://prm@db:5432/prm');
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'too-short', PORT: 'eighty', LOG_LEVEL: 'loud', INVITE_TTL_HOURS: '0' });
    expect([...new Set(problems.map((p) => p.split(':')[0]))].sort()).toEqual(['INVITE_TTL_HOURS', 'JWT_SECRET', 'LOG_LEVEL', 'PORT']);
    expect(problemsOf({ NODE_ENV: 'staging', JWT_SECRET: GOOD_SECRET })).toEqual([expect.stringMatching(/^NODE_ENV: /)]);
  });

  it('reads the tuning knobs with their documented defaults', () => {
    const config = loadConfig({ INVITE_TTL_HOURS: '24', PUBLIC_URL: 'https://partners.example.com' });
    expect(config.INVITE_TTL_HOURS).toBe(24);
    expect(loadConfig({}).INVITE_TTL_HOURS).toBe(72);
    expect(config.publicUrl).toBe('https://partners.example.com');
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });
});
