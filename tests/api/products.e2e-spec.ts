import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser, tableCounts, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { PDF_MINIMAL, PNG_1X1, uploadFile } from '../support/uploads';

const CreateProduct = graphql(`
  mutation TCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      status
      version
      nameVi
      unit
      priceMin
      priceMax
      availableMonths
      ocopStars
      brand {
        name
        kind
        registrationNumber
      }
      certifications {
        scheme
        number
        issuer
        issuedOn
        expiresOn
        valid
      }
      images {
        id
        url
      }
      cooperative {
        id
      }
    }
  }
`);

const UpdateProduct = graphql(`
  mutation TUpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      __typename
      ... on Product {
        id
        version
        nameVi
        priceMin
      }
      ... on VersionConflictError {
        code
        currentVersion
      }
    }
  }
`);

const Publish = graphql(`
  mutation TPublishProduct($input: ProductStatusInput!) {
    publishProduct(input: $input) {
      __typename
      ... on Product {
        id
        status
        version
        publishedAt
      }
      ... on ErrorResult {
        code
      }
      ... on InvalidTransitionError {
        from
        to
      }
      ... on VersionConflictError {
        currentVersion
      }
    }
  }
`);

const Archive = graphql(`
  mutation TArchiveProduct($input: ProductStatusInput!) {
    archiveProduct(input: $input) {
      __typename
      ... on Product {
        id
        status
        version
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const ProductById = graphql(`
  query TProductById($id: ID!) {
    product(id: $id) {
      id
      nameVi
      status
    }
  }
`);

const Search = graphql(`
  query TSearchOwn($search: String) {
    products(search: $search, first: 10) {
      totalCount
      edges {
        node {
          id
          nameVi
        }
      }
    }
  }
`);

let server: TestServer;
let coopId: string;
let otherCoopId: string;
let manager: TestUser;
let otherManager: TestUser;
let businessRep: TestUser;
let staff: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  coopId = await createCooperative(server, { name: 'HTX Dừa Sáp Thử' });
  otherCoopId = await createCooperative(server);
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
  otherManager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: otherCoopId });
  businessRep = await createUser(server, ['BUSINESS_REP'], { businessId: await createBusiness(server) });
  staff = await createUser(server, ['TRADE_STAFF']);
});
afterAll(async () => {
  await server?.close();
});

const baseInput = () => ({
  cooperativeId: coopId,
  nameVi: 'Dừa sáp Cầu Kè loại 1',
  nameEn: 'Cau Ke wax coconut, grade 1',
  categoryCode: 'fruit',
  unit: 'H87',
  priceMin: 80000,
  priceMax: 150000,
  availableMonths: [3, 1, 2, 2],
});

async function createDraft(extra: Record<string, unknown> = {}) {
  const res = await server.gql(CreateProduct, { input: { ...baseInput(), ...extra } }, { token: manager.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createProduct;
}

describe('a cooperative manager', () => {
  it('creates a draft with a brand, a VietGAP certificate and an image, hidden from the public', async () => {
    const upload = await uploadFile(server.url, manager.token, PNG_1X1, 'photo.png', 'image/png');
    expect(upload.status).toBe(201);
    const product = await createDraft({
      brand: { name: 'Dừa sáp Cầu Kè', kind: 'GEOGRAPHICAL_INDICATION', registrationNumber: '00089' },
      certifications: [
        {
          scheme: 'VIETGAP',
          number: 'VG-2025-0142',
          issuer: 'Trung tâm Chứng nhận Phù hợp',
          issuedOn: '2025-01-10',
          expiresOn: '2027-01-10',
        },
      ],
      imageUploadIds: [upload.body.id],
      ocopStars: 4,
      ocopYear: 2024,
    });
    expect(product).toMatchObject({
      status: 'DRAFT',
      version: 1,
      availableMonths: [1, 2, 3],
      brand: { name: 'Dừa sáp Cầu Kè', kind: 'GEOGRAPHICAL_INDICATION', registrationNumber: '00089' },
      certifications: [{ scheme: 'VIETGAP', number: 'VG-2025-0142', valid: true, expiresOn: '2027-01-10' }],
      images: [{ id: upload.body.id, url: upload.body.url }],
      cooperative: { id: coopId },
    });
    expect((await server.gql(ProductById, { id: product.id })).data?.product).toBeNull();
    expect((await server.gql(ProductById, { id: product.id }, { token: manager.token })).data?.product?.status).toBe('DRAFT');
    const image = await fetch(`${server.url}${upload.body.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('publishes a draft, which then appears in the public search', async () => {
    const product = await createDraft({ nameVi: 'Kẹo dừa sáp đặc biệt' });
    const res = await server.gql(Publish, { input: { id: product.id, version: product.version } }, { token: manager.token });
    expect(res.data?.publishProduct).toMatchObject({ __typename: 'Product', status: 'PUBLISHED', version: 2 });
    const found = await server.gql(Search, { search: 'keo dua sap' });
    expect(found.data?.products.edges.map((e) => e.node.id)).toContain(product.id);
  });

  it('is found by its current name only after a rename, with a misspelling too, and not at all once archived', async () => {
    const ids = async (search: string) => (await server.gql(Search, { search })).data?.products.edges.map((e) => e.node.id) ?? [];
    const words = async () =>
      Object.fromEntries(
        (
          await server.query<{ word: string; products: number }>(
            `SELECT word, products FROM search_word WHERE word IN ('ong', 'tram', 'mang', 'cau') ORDER BY word`,
          )
        ).map((r) => [r.word, r.products]),
      );
    const before = await words();
    const product = await createDraft({ nameVi: 'Mật ong hoa tràm U Minh', nameEn: null });
    expect(await ids('mat ong tram')).not.toContain(product.id);
    await server.gql(Publish, { input: { id: product.id, version: 1 } }, { token: manager.token });
    expect(await ids('mật ong tràm')).toContain(product.id);
    expect(await ids('mat ong trom')).toContain(product.id);
    expect(await words()).toMatchObject({ ong: (before.ong ?? 0) + 1, tram: (before.tram ?? 0) + 1 });

    const renamed = await server.gql(
      UpdateProduct,
      { input: { id: product.id, version: 2, nameVi: 'Trà mãng cầu Tân Lập' } },
      { token: manager.token },
    );
    expect(renamed.data?.updateProduct).toMatchObject({ __typename: 'Product', version: 3 });
    expect(await ids('mat ong tram')).not.toContain(product.id);
    expect(await ids('tra mang cau')).toContain(product.id);
    expect(await ids('tra mang cauu')).toContain(product.id);
    const after = await words();
    expect(after.ong).toBe(before.ong);
    expect(after.tram).toBe(before.tram);
    expect(after.mang).toBe((before.mang ?? 0) + 1);
    const [copy] = await server.query<{ search_doc: string }>(`SELECT search_doc FROM product_search WHERE id = $1`, [product.id]);
    expect(copy?.search_doc).toMatch(/^tra mang cau tan lap/);

    const archived = await server.gql(Archive, { input: { id: product.id, version: 3 } }, { token: manager.token });
    expect(archived.data?.archiveProduct).toMatchObject({ status: 'ARCHIVED' });
    expect(await ids('tra mang cau')).not.toContain(product.id);
    expect((await words()).mang).toBe(before.mang);
    expect(await server.query(`SELECT id FROM product_search WHERE id = $1`, [product.id])).toEqual([]);
  });

  it('gets InvalidTransitionError on a second publish, and archives', async () => {
    const product = await createDraft();
    await server.gql(Publish, { input: { id: product.id, version: 1 } }, { token: manager.token });
    const again = await server.gql(Publish, { input: { id: product.id, version: 2 } }, { token: manager.token });
    expect(again.data?.publishProduct).toMatchObject({
      __typename: 'InvalidTransitionError',
      code: 'INVALID_TRANSITION',
      from: 'PUBLISHED',
      to: 'PUBLISHED',
    });
    const archived = await server.gql(Archive, { input: { id: product.id, version: 2 } }, { token: manager.token });
    expect(archived.data?.archiveProduct).toMatchObject({ __typename: 'Product', status: 'ARCHIVED', version: 3 });
  });

  it('cannot publish for a cooperative that staff have not verified', async () => {
    const unverified = await createCooperative(server, { verified: false });
    const owner = await createUser(server, ['COOP_MANAGER'], { cooperativeId: unverified });
    const res = await server.gql(CreateProduct, { input: { ...baseInput(), cooperativeId: unverified } }, { token: owner.token });
    const id = res.data!.createProduct.id;
    const pub = await server.gql(Publish, { input: { id, version: 1 } }, { token: owner.token });
    expect(pub.data?.publishProduct).toMatchObject({ __typename: 'NotVerifiedError', code: 'NOT_VERIFIED' });
    const [row] = await server.query<{ status: string }>(`SELECT status FROM product WHERE id = $1`, [id]);
    expect(row!.status).toBe('DRAFT');
  });

  it('gets VersionConflictError for a stale version, and the stored product is unchanged', async () => {
    const product = await createDraft();
    const first = await server.gql(UpdateProduct, { input: { id: product.id, version: 1, nameVi: 'Tên mới' } }, { token: manager.token });
    expect(first.data?.updateProduct).toMatchObject({ __typename: 'Product', version: 2, nameVi: 'Tên mới' });
    const stale = await server.gql(
      UpdateProduct,
      { input: { id: product.id, version: 1, nameVi: 'Tên cũ ghi đè' } },
      { token: manager.token },
    );
    expect(stale.data?.updateProduct).toEqual({ __typename: 'VersionConflictError', code: 'VERSION_CONFLICT', currentVersion: 2 });
    const [row] = await server.query<{ name_vi: string; version: number }>(`SELECT name_vi, version FROM product WHERE id = $1`, [
      product.id,
    ]);
    expect(row).toEqual({ name_vi: 'Tên mới', version: 2 });
  });

  it('lets exactly one of two concurrent edits on the same version win', async () => {
    const product = await createDraft();
    const results = await Promise.all(
      ['Một', 'Hai', 'Ba', 'Bốn', 'Năm'].map((nameVi) =>
        server.gql(UpdateProduct, { input: { id: product.id, version: 1, nameVi: `Bản ${nameVi}` } }, { token: manager.token }),
      ),
    );
    const winners = results.filter((r) => r.data?.updateProduct.__typename === 'Product');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.data?.updateProduct.__typename === 'VersionConflictError')).toHaveLength(4);
  });
});

describe('bad input changes nothing', () => {
  const tables = ['product', 'brand', 'certification', 'product_image'];

  it('refuses huge strings with the field path', async () => {
    const before = await tableCounts(server, tables);
    const res = await server.gql(CreateProduct, { input: { ...baseInput(), nameVi: 'D'.repeat(100_000) } }, { token: manager.token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.nameVi' }] });
    expect(await tableCounts(server, tables)).toEqual(before);
  });

  it('refuses an unknown unit, an inverted price range, months out of range and an unknown category', async () => {
    const before = await tableCounts(server, tables);
    const cases: [Record<string, unknown>, string][] = [
      [{ unit: 'BANANAS' }, 'input.unit'],
      [{ priceMin: 200000, priceMax: 100000 }, 'input.priceMax'],
      [{ availableMonths: [0, 13] }, 'input.availableMonths'],
      [{ categoryCode: 'no.such.category' }, 'input.categoryCode'],
      [{ ocopStars: 4 }, 'input.ocopYear'],
      [{ priceMin: -5 }, 'input.priceMin'],
      [
        { certifications: [{ scheme: 'VIETGAP', number: 'X', issuer: 'Y', issuedOn: '2025-05-01', expiresOn: '2024-05-01' }] },
        'input.certifications.0.expiresOn',
      ],
    ];
    for (const [extra, path] of cases) {
      const res = await server.gql(CreateProduct, { input: { ...baseInput(), ...extra } }, { token: manager.token });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe('BAD_USER_INPUT');
      expect(
        res.errors?.[0]?.extensions?.fields?.map((f) => f.path),
        JSON.stringify(extra),
      ).toContain(path);
    }
    expect(await tableCounts(server, tables)).toEqual(before);
  });

  it('refuses wrong types and impossible dates before any resolver runs', async () => {
    const wrongType = await server.gql(CreateProduct, { input: { ...baseInput(), priceMin: 'cheap' } } as never, { token: manager.token });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await server.gql(
      CreateProduct,
      { input: { ...baseInput(), certifications: [{ scheme: 'VIETGAP', number: 'X', issuer: 'Y', issuedOn: '2025-02-30' }] } },
      { token: manager.token },
    );
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badEnum = await server.gql(CreateProduct, { input: { ...baseInput(), brand: { name: 'X', kind: 'FAMOUS' } } } as never, {
      token: manager.token,
    });
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers unknown and malformed IDs with typed errors', async () => {
    const unknown = await server.gql(
      UpdateProduct,
      { input: { id: '6f1c2f0e-0d7e-4c1a-9a43-0f7b5c4f1e11', version: 1, nameVi: 'Không có' } },
      { token: manager.token },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await server.gql(ProductById, { id: "1' OR '1'='1" });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'id' }] });
    const unknownCoop = await server.gql(
      CreateProduct,
      { input: { ...baseInput(), cooperativeId: '6f1c2f0e-0d7e-4c1a-9a43-0f7b5c4f1e11' } },
      { token: manager.token },
    );
    expect(unknownCoop.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses images that are not images, images over the size limit, and uploads without a session', async () => {
    const before = await tableCounts(server, ['upload']);
    const fake = await uploadFile(server.url, manager.token, Buffer.from('<script>alert(1)</script>'), 'photo.png', 'image/png');
    expect(fake).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_TYPE' } });
    const huge = Buffer.concat([PNG_1X1, Buffer.alloc(server.config.uploadMaxBytes + 10)]);
    expect((await uploadFile(server.url, manager.token, huge, 'big.png', 'image/png')).status).toBe(413);
    expect((await uploadFile(server.url, undefined, PNG_1X1, 'photo.png', 'image/png')).status).toBe(401);
    expect(await tableCounts(server, ['upload'])).toEqual(before);
  });

  it('refuses images uploaded by somebody else', async () => {
    const upload = await uploadFile(server.url, otherManager.token, PNG_1X1, 'theirs.png', 'image/png');
    const res = await server.gql(CreateProduct, { input: { ...baseInput(), imageUploadIds: [upload.body.id] } }, { token: manager.token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.imageUploadIds' }] });
  });
});

describe('a PDF among the photos', () => {
  it('is refused as a product photo, and the product is not created', async () => {
    const pdf = await uploadFile(server.url, manager.token, PDF_MINIMAL, 'bang-gia.pdf', 'application/pdf');
    expect(pdf.status).toBe(201);
    const before = await tableCounts(server, ['product', 'product_image']);
    const res = await server.gql(CreateProduct, { input: { ...baseInput(), imageUploadIds: [pdf.body.id] } }, { token: manager.token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.imageUploadIds' }] });
    expect(await tableCounts(server, ['product', 'product_image'])).toEqual(before);
  });
});

describe('forbidden cases', () => {
  it('refuses every product mutation to anonymous callers, other roles and other cooperatives', async () => {
    const product = await createDraft();
    const before = await server.query(`SELECT name_vi, status, version FROM product WHERE id = $1`, [product.id]);
    const callers = [
      { who: 'anonymous', caller: {}, code: 'UNAUTHENTICATED' },
      { who: 'business rep', caller: { token: businessRep.token }, code: 'FORBIDDEN' },
      { who: 'staff', caller: { token: staff.token }, code: 'FORBIDDEN' },
      { who: 'another cooperative', caller: { token: otherManager.token }, code: 'FORBIDDEN' },
    ];
    for (const { who, caller, code } of callers) {
      const ops = [
        server.gql(CreateProduct, { input: baseInput() }, caller),
        server.gql(UpdateProduct, { input: { id: product.id, version: 1, nameVi: 'Chiếm quyền' } }, caller),
        server.gql(Publish, { input: { id: product.id, version: 1 } }, caller),
        server.gql(Archive, { input: { id: product.id, version: 1 } }, caller),
      ];
      for (const res of await Promise.all(ops)) expect(res.errors?.[0]?.extensions?.code, who).toBe(code);
    }
    expect(await server.query(`SELECT name_vi, status, version FROM product WHERE id = $1`, [product.id])).toEqual(before);
  });
});
