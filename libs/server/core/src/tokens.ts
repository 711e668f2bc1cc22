/** Injection token for the process-wide pino logger. */
export const LOGGER = Symbol('LOGGER');
