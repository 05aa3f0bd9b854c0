import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so commands work from any folder. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

const nodeEnv = process.env.NODE_ENV ?? 'development';
const dataDir = path.resolve(ROOT_DIR, process.env.DATA_DIR ?? '.data');

/**
 * A development secret is generated once per data folder, so tokens survive a
 * restart; production must set JWT_SECRET so that every replica shares it.
 */
function jwtSecret(): string {
  const fromEnv = process.env.JWT_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    return fromEnv;
  }
  if (nodeEnv === 'production') throw new Error('JWT_SECRET is required when NODE_ENV=production');
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export interface Config {
  nodeEnv: string;
  isProduction: boolean;
  host: string;
  port: number;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  uploadsDir: string;
  clientDir: string;
  sharedDir: string;
  jwtSecret: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  uploadMaxBytes: number;
  dbPoolSize: number;
  /** API requests working at once (default: the pool size); the rest queue, up to apiQueueMs. */
  apiConcurrency: number;
  apiQueueMs: number;
  seedOnEmpty: boolean;
  logLevel: string;
  /** Failed logins per account, and login attempts per address, in 15 minutes. */
  loginFailuresPerAccount: number;
  loginAttemptsPerIp: number;
  /** register and refreshSession fields per client address in 15 minutes, each counted on its own. */
  registerAttemptsPerIp: number;
  refreshAttemptsPerIp: number;
  /** Mutation fields one signed-in user may run per minute, across all replicas; 0 turns the limit off. */
  rateLimitWritesPerMinute: number;
  /**
   * A replaced refresh token presented this long after its replacement ends the session
   * (someone else holds a copy); sooner, it is only refused, since two tabs of one browser
   * renew at the same moment with the same cookie.
   */
  refreshReuseGraceSeconds: number;
  /** How long a live socket's session, once confirmed, is trusted before the next event asks the database again. */
  liveSessionRecheckMs: number;
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const base: Config = {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    host: process.env.HOST ?? '0.0.0.0',
    port: int('PORT', 4000),
    publicUrl: process.env.PUBLIC_URL || undefined,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    uploadsDir: path.resolve(ROOT_DIR, process.env.UPLOADS_DIR ?? path.join(dataDir, 'uploads')),
    clientDir: path.join(ROOT_DIR, 'client', 'dist'),
    sharedDir: path.resolve(ROOT_DIR, process.env.SHARED_DIR ?? '../shared'),
    jwtSecret: overrides.jwtSecret ?? jwtSecret(),
    accessTokenSeconds: Math.min(int('ACCESS_TOKEN_SECONDS', 900), 900),
    refreshTokenDays: int('REFRESH_TOKEN_DAYS', 30),
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', 5 * 1024 * 1024),
    dbPoolSize: int('DB_POOL_SIZE', 10),
    apiConcurrency: int('API_CONCURRENCY', int('DB_POOL_SIZE', 10)),
    apiQueueMs: int('API_QUEUE_MS', 20_000),
    seedOnEmpty: process.env.SEED_ON_EMPTY !== 'false',
    logLevel: process.env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    loginFailuresPerAccount: int('LOGIN_FAILURES_PER_ACCOUNT', 5),
    loginAttemptsPerIp: int('LOGIN_ATTEMPTS_PER_IP', 30),
    // A whole training room signing up from one office address stays well under 60;
    // every open tab renews its session about once in 15 minutes, so 1,000 covers a busy office.
    registerAttemptsPerIp: int('REGISTER_ATTEMPTS_PER_IP', 60),
    refreshAttemptsPerIp: int('REFRESH_ATTEMPTS_PER_IP', 1000),
    rateLimitWritesPerMinute: int('RATE_LIMIT_WRITES_PER_MINUTE', 300),
    refreshReuseGraceSeconds: 30,
    liveSessionRecheckMs: 5_000,
  };
  return { ...base, ...overrides };
}
