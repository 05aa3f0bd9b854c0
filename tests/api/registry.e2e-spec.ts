import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { anyCommune, createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { PNG_1X1, uploadFile } from '../support/uploads';

const Queue = graphql(`
  query TVerificationQueue($first: Int) {
    verificationQueue(first: $first) {
      totalCount
      edges {
        node {
          organizationId
          kind
          name
          area {
            code
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const Verify = graphql(`
  mutation TVerifyOrganization($input: VerifyOrganizationInput!) {
    verifyOrganization(input: $input) {
      __typename
      ... on Cooperative {
        id
        verified
        verifiedAt
      }
      ... on Business {
        id
        verified
      }
    }
  }
`);

const RecordRating = graphql(`
  mutation TRecordRating($input: RecordRatingInput!) {
    recordRating(input: $input) {
      id
      currentRating {
        year
        score
        ratingClass
      }
      ratings {
        year
        ratingClass
      }
    }
  }
`);

const UpdateCooperative = graphql(`
  mutation TUpdateCooperative($input: UpdateCooperativeInput!) {
    updateCooperative(input: $input) {
      __typename
      ... on Cooperative {
        id
        name
        memberCount
        version
      }
      ... on VersionConflictError {
        code
        currentVersion
      }
    }
  }
`);

const UpdateBusiness = graphql(`
  mutation TUpdateBusiness($input: UpdateBusinessInput!) {
    updateBusiness(input: $input) {
      __typename
      ... on Business {
        id
        name
        version
      }
      ... on VersionConflictError {
        code
        currentVersion
      }
    }
  }
`);

const CreateCooperative = graphql(`
  mutation TCreateCooperative($input: CreateCooperativeInput!) {
    createCooperative(input: $input) {
      __typename
      ... on Cooperative {
        id
        verified
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const CreateBusiness = graphql(`
  mutation TCreateBusiness($input: CreateBusinessInput!) {
    createBusiness(input: $input) {
      __typename
      ... on Business {
        id
        taxCode
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const CooperativeProfile = graphql(`
  query TCooperativeProfile($id: ID!) {
    cooperative(id: $id) {
      id
      name
      area {
        code
        kind
      }
      district {
        code
        name
      }
      verified
      currentRating {
        ratingClass
      }
    }
  }
`);

const Areas = graphql(`
  query TAreas($parentCode: String) {
    areas(parentCode: $parentCode) {
      code
      name
      kind
      level
      parentCode
      validTo
      children {
        code
      }
    }
  }
`);

const RatingDetail = graphql(`
  mutation TRecordRatingDetail($input: RecordRatingInput!) {
    recordRating(input: $input) {
      id
      ratings {
        year
        ratingClass
        criteria {
          name
          score
          maxScore
        }
        evidenceUrl
      }
    }
  }
`);

let server: TestServer;
let staff: TestUser;
let scopedStaff: TestUser;
let coopId: string;
let manager: TestUser;
let otherManager: TestUser;
let businessId: string;
let businessRep: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
  scopedStaff = await createUser(server, ['TRADE_STAFF'], { scopeAreaCode: '845' });
  coopId = await createCooperative(server, { verified: false, areaCode: await anyCommune(server, '849') });
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
  otherManager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
  businessId = await createBusiness(server);
  businessRep = await createUser(server, ['BUSINESS_REP'], { businessId });
});
afterAll(async () => {
  await server?.close();
});

describe('areas', () => {
  it('returns the province, its 9 districts and their communes with validity dates', async () => {
    const roots = await server.gql(Areas, {});
    const province = roots.data?.areas.find((a) => a.code === '84');
    expect(province).toMatchObject({ name: 'Tỉnh Trà Vinh', kind: 'PROVINCE', level: 1, parentCode: null, validTo: '2025-06-30' });
    expect(province?.children).toHaveLength(9);
    const communes = await server.gql(Areas, { parentCode: '845' });
    expect(communes.data?.areas.length).toBeGreaterThan(5);
    expect(communes.data?.areas.every((a) => a.level === 3 && a.parentCode === '845')).toBe(true);
  });
});

describe('verification', () => {
  it('lists unverified organisations for staff and removes them once verified, leaving an audit record', async () => {
    const queue = await server.gql(Queue, { first: 50 }, { token: staff.token });
    expect(queue.data?.verificationQueue.edges.map((e) => e.node.organizationId)).toContain(coopId);
    const res = await server.gql(Verify, { input: { organizationId: coopId, kind: 'COOPERATIVE' } }, { token: staff.token });
    expect(res.data?.verifyOrganization).toMatchObject({ __typename: 'Cooperative', id: coopId, verified: true });
    const again = await server.gql(Verify, { input: { organizationId: coopId, kind: 'COOPERATIVE' } }, { token: staff.token });
    expect(again.data?.verifyOrganization).toMatchObject({ verified: true });
    const after = await server.gql(Queue, { first: 50 }, { token: staff.token });
    expect(after.data?.verificationQueue.edges.map((e) => e.node.organizationId)).not.toContain(coopId);
    const audit = await server.query<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [
      coopId,
    ]);
    expect(audit).toEqual([{ action: 'cooperative.verified', actor_id: staff.id }]);
  });

  it('keeps a scoped officer to their own district', async () => {
    const outside = await createCooperative(server, { verified: false, areaCode: await anyCommune(server, '842') });
    const inside = await createCooperative(server, { verified: false, areaCode: await anyCommune(server, '845') });
    const queue = await server.gql(Queue, { first: 100 }, { token: scopedStaff.token });
    const ids = queue.data?.verificationQueue.edges.map((e) => e.node.organizationId) ?? [];
    expect(ids).toContain(inside);
    expect(ids).not.toContain(outside);
    const denied = await server.gql(Verify, { input: { organizationId: outside, kind: 'COOPERATIVE' } }, { token: scopedStaff.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await server.query<{ verified_at: Date | null }>(`SELECT verified_at FROM cooperative WHERE id = $1`, [outside]);
    expect(row!.verified_at).toBeNull();
  });

  it('refuses the queue and verification to everybody but staff', async () => {
    for (const caller of [{}, { token: manager.token }, { token: businessRep.token }]) {
      const q = await server.gql(Queue, {}, caller);
      expect(q.errors?.[0]?.extensions?.code).toBe(caller.token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      const v = await server.gql(Verify, { input: { organizationId: businessId, kind: 'BUSINESS' } }, caller);
      expect(v.errors?.[0]?.extensions?.code).toBe(caller.token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });
});

describe('ratings', () => {
  it.each([
    [49.99, 'WEAK'],
    [50, 'AVERAGE'],
    [64.99, 'AVERAGE'],
    [65, 'FAIR'],
    [79.99, 'FAIR'],
    [80, 'GOOD'],
  ])('classes a score of %s as %s, keeping one record per year', async (score, ratingClass) => {
    const res = await server.gql(RecordRating, { input: { cooperativeId: coopId, year: 2024, score } }, { token: staff.token });
    expect(res.data?.recordRating.currentRating).toEqual({ year: 2024, score, ratingClass });
    const rows = await server.query(`SELECT count(*)::int AS n FROM cooperative_rating WHERE cooperative_id = $1 AND year = 2024`, [
      coopId,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('leaves a cooperative that has operated less than 12 months unrated', async () => {
    const [young] = await server.query<{ id: string }>(
      `INSERT INTO cooperative (name, registration_number, sector, subsector, area_code, member_count, established_on)
       VALUES ('HTX Mới Lập', 'NEW-001', 'AGRICULTURE', 'Lúa', $1, 7, '2024-06-01') RETURNING id`,
      [await anyCommune(server, '848')],
    );
    const res = await server.gql(RecordRating, { input: { cooperativeId: young!.id, year: 2024, score: 90 } }, { token: staff.token });
    expect(res.data?.recordRating.currentRating).toEqual({ year: 2024, score: null, ratingClass: 'UNRATED' });
  });

  it('rates a cooperative 12 months old on 31 December, and not one a day younger', async () => {
    const commune = await anyCommune(server, '848');
    const young = async (established: string) =>
      (
        await server.query<{ id: string }>(
          `INSERT INTO cooperative (name, registration_number, sector, subsector, area_code, member_count, established_on)
           VALUES ('HTX Ranh Giới', $1, 'AGRICULTURE', 'Lúa', $2, 7, $3) RETURNING id`,
          [`EDGE-${established}`, commune, established],
        )
      )[0]!.id;
    const exactly = await server.gql(
      RecordRating,
      { input: { cooperativeId: await young('2023-12-31'), year: 2024, score: 80 } },
      { token: staff.token },
    );
    expect(exactly.data?.recordRating.currentRating).toEqual({ year: 2024, score: 80, ratingClass: 'GOOD' });
    const dayShort = await server.gql(
      RecordRating,
      { input: { cooperativeId: await young('2024-01-01'), year: 2024, score: 80 } },
      { token: staff.token },
    );
    expect(dayShort.data?.recordRating.currentRating).toEqual({ year: 2024, score: null, ratingClass: 'UNRATED' });
  });

  it('keeps the criteria and the staff member’s own evidence upload with the rating', async () => {
    const upload = await uploadFile(server.url, staff.token, PNG_1X1, 'bien-ban.png', 'image/png');
    const res = await server.gql(
      RatingDetail,
      {
        input: {
          cooperativeId: coopId,
          year: 2022,
          score: 72.5,
          criteria: [
            { name: 'Tổ chức, quản lý', score: 20, maxScore: 25 },
            { name: 'Hiệu quả kinh tế', score: 52.5, maxScore: 75 },
          ],
          evidenceUploadId: upload.body.id,
        },
      },
      { token: staff.token },
    );
    expect(res.data?.recordRating.ratings.find((r) => r.year === 2022)).toEqual({
      year: 2022,
      ratingClass: 'FAIR',
      criteria: [
        { name: 'Tổ chức, quản lý', score: 20, maxScore: 25 },
        { name: 'Hiệu quả kinh tế', score: 52.5, maxScore: 75 },
      ],
      evidenceUrl: upload.body.url,
    });
    const foreign = await uploadFile(server.url, manager.token, PNG_1X1, 'x.png', 'image/png');
    const stolen = await server.gql(
      RatingDetail,
      { input: { cooperativeId: coopId, year: 2021, score: 70, evidenceUploadId: foreign.body.id } },
      { token: staff.token },
    );
    expect(stolen.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.evidenceUploadId' }] });
    const over = await server.gql(
      RatingDetail,
      { input: { cooperativeId: coopId, year: 2021, score: 70, criteria: [{ name: 'Vốn', score: 30, maxScore: 25 }] } },
      { token: staff.token },
    );
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.criteria.0.score' }] });
    const outside = await server.gql(
      RecordRating,
      { input: { cooperativeId: coopId, year: 2021, score: 70 } },
      { token: scopedStaff.token },
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.query(`SELECT count(*)::int AS n FROM cooperative_rating WHERE year = 2021`)).toEqual([{ n: 0 }]);
  });

  it('refuses scores outside 0–100 and non-staff callers', async () => {
    const bad = await server.gql(RecordRating, { input: { cooperativeId: coopId, year: 2023, score: 101 } }, { token: staff.token });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.score' }] });
    const denied = await server.gql(RecordRating, { input: { cooperativeId: coopId, year: 2023, score: 70 } }, { token: manager.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.query(`SELECT count(*)::int AS n FROM cooperative_rating WHERE year = 2023`)).toEqual([{ n: 0 }]);
  });
});

describe('organisation profiles', () => {
  it('lets a member edit their cooperative and answers a stale version with VersionConflictError', async () => {
    const [{ version }] = (await server.query<{ version: number }>(`SELECT version FROM cooperative WHERE id = $1`, [coopId])) as [
      { version: number },
    ];
    const ok = await server.gql(UpdateCooperative, { input: { id: coopId, version, memberCount: 72 } }, { token: manager.token });
    expect(ok.data?.updateCooperative).toMatchObject({ __typename: 'Cooperative', memberCount: 72, version: version + 1 });
    const stale = await server.gql(UpdateCooperative, { input: { id: coopId, version, memberCount: 5 } }, { token: manager.token });
    expect(stale.data?.updateCooperative).toEqual({
      __typename: 'VersionConflictError',
      code: 'VERSION_CONFLICT',
      currentVersion: version + 1,
    });
  });

  it('refuses edits by other cooperatives, other roles and anonymous callers', async () => {
    const before = await server.query(`SELECT name, version FROM cooperative WHERE id = $1`, [coopId]);
    for (const [caller, code] of [
      [{ token: otherManager.token }, 'FORBIDDEN'],
      [{ token: businessRep.token }, 'FORBIDDEN'],
      [{ token: staff.token }, 'FORBIDDEN'],
      [{}, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await server.gql(UpdateCooperative, { input: { id: coopId, version: 1, name: 'HTX Bị Chiếm' } }, caller);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(await server.query(`SELECT name, version FROM cooperative WHERE id = $1`, [coopId])).toEqual(before);
  });

  it('lets a business representative edit only their own company', async () => {
    const ok = await server.gql(
      UpdateBusiness,
      { input: { id: businessId, version: 1, name: 'Công ty Chế biến Dừa Mới' } },
      { token: businessRep.token },
    );
    expect(ok.data?.updateBusiness).toMatchObject({ __typename: 'Business', name: 'Công ty Chế biến Dừa Mới', version: 2 });
    const other = await createUser(server, ['BUSINESS_REP'], { businessId: await createBusiness(server) });
    const denied = await server.gql(UpdateBusiness, { input: { id: businessId, version: 2, name: 'Chiếm' } }, { token: other.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrongRole = await server.gql(UpdateBusiness, { input: { id: businessId, version: 2, name: 'Chiếm' } }, { token: manager.token });
    expect(wrongRole.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('creates organisations for their roles only, with typed duplicates', async () => {
    const input = {
      name: 'HTX Thủy sản Duyên Hải',
      registrationNumber: '5807000999',
      sector: 'AGRICULTURE' as const,
      subsector: 'Nuôi tôm',
      areaCode: await anyCommune(server, '850'),
      memberCount: 9,
      establishedOn: '2018-02-01',
    };
    expect((await server.gql(CreateCooperative, { input }, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(CreateCooperative, { input }, { token: businessRep.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = await server.gql(CreateCooperative, { input }, { token: manager.token });
    expect(created.data?.createCooperative).toMatchObject({ __typename: 'Cooperative', verified: false });
    const dup = await server.gql(CreateCooperative, { input }, { token: manager.token });
    expect(dup.data?.createCooperative).toMatchObject({ __typename: 'DuplicateError', code: 'DUPLICATE' });
    const communeRequired = await server.gql(
      CreateCooperative,
      { input: { ...input, registrationNumber: '5807000998', areaCode: '850' } },
      { token: manager.token },
    );
    expect(communeRequired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.areaCode' }] });
    const biz = {
      name: 'Công ty Xuất khẩu Thử',
      taxCode: '0300588569',
      kinds: ['EXPORTER' as const],
      areaCode: await anyCommune(server, '842'),
    };
    expect((await server.gql(CreateBusiness, { input: biz }, { token: manager.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(CreateBusiness, { input: biz }, { token: businessRep.token })).data?.createBusiness).toMatchObject({
      taxCode: '0300588569',
    });
  });

  it('shows a public profile with its commune and district', async () => {
    const res = await server.gql(CooperativeProfile, { id: coopId });
    expect(res.data?.cooperative).toMatchObject({
      id: coopId,
      area: { kind: expect.any(String) },
      district: { code: '849', name: 'Huyện Trà Cú' },
    });
    expect((await server.gql(CooperativeProfile, { id: '6f1c2f0e-0d7e-4c1a-9a43-0f7b5c4f1e11' })).data?.cooperative).toBeNull();
  });
});
