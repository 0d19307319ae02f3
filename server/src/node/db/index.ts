// The db bundle's public surface: reading a database's Alembic version table, and the URL helpers
// the connection profiles need. Loading this module loads no driver; knex comes in on the first read.
export { readVersionTable, DEFAULT_TIMEOUT_MS, DEFAULT_VERSION_TABLE } from './reader';
export type { DatabaseTarget, ReadOptions, VersionTableResult } from './reader';
export type { FailureKind } from './errors';
export { DatabaseUrlError, MissingEnvVarError, describeServer, expandEnv, parseDatabaseUrl, redactUrl } from './url';
export type { DatabaseUrl, Dialect } from './url';
export { knexConfig } from './knexConfig';
export type { ConnectOptions } from './knexConfig';
