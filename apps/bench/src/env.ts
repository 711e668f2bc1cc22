// Imported first by main.ts: graphql-js and express read NODE_ENV when they load. The benchmark measures
// the api as deployed (production) unless NODE_ENV is set explicitly.
process.env['NODE_ENV'] ??= 'production';
export {};
