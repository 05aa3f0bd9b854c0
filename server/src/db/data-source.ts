import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { type SqlCounter } from './sql-counter';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** Counts statements per request; used by tests and benchmarks. */
  counter?: SqlCounter;
}

/**
 * One TypeORM data source per process. The pool fails fast when the database
 * is unreachable (connection and statement timeouts), so requests answer
 * UNAVAILABLE within seconds instead of hanging, and pg reconnects by itself
 * when the database is back.
 */
export function createDataSource(opts: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    logger: opts.counter,
    poolSize: opts.poolSize ?? 10,
    extra: {
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
      query_timeout: 20_000,
      application_name: 'cooplink',
      options: '-c pg_trgm.word_similarity_threshold=0.5 -c pg_trgm.similarity_threshold=0.3 -c TimeZone=UTC',
    },
  });
}
