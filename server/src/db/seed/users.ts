import { hashPassword } from '../../modules/auth/password';
import { rowsOf, type Queryable } from './queryable';
import type { Role } from '../../common/context';

/** Every demo login shares this password; it is printed at start and is for local use only. */
export const DEMO_PASSWORD = 'cooplink-demo';

export interface DemoLogin {
  email: string;
  role: Role;
  note: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: 'admin@demo.cooplink.vn', role: 'ADMIN', note: 'Platform operator: users, roles, reference data' },
  { email: 'staff@demo.cooplink.vn', role: 'TRADE_STAFF', note: 'Provincial trade-promotion officer, whole province' },
  { email: 'staff.cauke@demo.cooplink.vn', role: 'TRADE_STAFF', note: 'District officer scoped to Cầu Kè (845)' },
  { email: 'coop@demo.cooplink.vn', role: 'COOP_MANAGER', note: 'Manager of HTX NN Long Hiệp (Trà Cú)' },
  { email: 'business@demo.cooplink.vn', role: 'BUSINESS_REP', note: 'Owner of Công ty TNHH Xuất nhập khẩu Nông sản Trà Vinh' },
];

const PROFILES: Record<string, { displayName: string; phone: string; scope: string | null }> = {
  'admin@demo.cooplink.vn': { displayName: 'Quản trị CoopLink', phone: '0294385000', scope: null },
  'staff@demo.cooplink.vn': { displayName: 'Nguyễn Thị Thu Hà', phone: '0912345601', scope: null },
  'staff.cauke@demo.cooplink.vn': { displayName: 'Thạch Văn Sơn', phone: '0912345602', scope: '845' },
  'coop@demo.cooplink.vn': { displayName: 'Trần Văn Lợi', phone: '0912345603', scope: null },
  'business@demo.cooplink.vn': { displayName: 'Lê Minh Khoa', phone: '0912345604', scope: null },
};

/**
 * Creates the demo logins once; a later run keeps existing accounts (and any
 * password someone changed) and only looks their ids up.
 */
export async function ensureDemoUsers(q: Queryable, newId: () => string): Promise<Map<string, string>> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const login of DEMO_LOGINS) {
    const p = PROFILES[login.email];
    if (!p) throw new Error(`no profile for ${login.email}`);
    await q.query(
      `INSERT INTO app_user (id, email, password_hash, display_name, phone, roles, scope_area_code, locale, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7, 'vi', TIMESTAMPTZ '2024-03-01 08:00:00+07')
       ON CONFLICT ((lower(email))) DO NOTHING`,
      [newId(), login.email, hash, p.displayName, p.phone, [login.role], p.scope],
    );
  }
  const found = rowsOf<{ id: string; email: string }>(
    await q.query(`SELECT id, lower(email) AS email FROM app_user WHERE lower(email) = ANY($1::text[])`, [DEMO_LOGINS.map((l) => l.email)]),
  );
  return new Map(found.map((r) => [r.email, r.id]));
}
