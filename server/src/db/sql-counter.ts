import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that only counts statements. The N+1 test and the
 * benchmarks read it around a request to prove the count stays constant.
 */
export class SqlCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): number {
    const n = this.count;
    this.count = 0;
    return n;
  }
}
