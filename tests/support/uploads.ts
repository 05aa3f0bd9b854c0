/** The smallest valid PNG: one transparent pixel. */
export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** A one-page PDF as far as the type check reads it: the signature and the end-of-file marker. */
export const PDF_MINIMAL = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

export async function uploadFile(
  baseUrl: string,
  token: string | undefined,
  bytes: Buffer,
  name: string,
  type: string,
): Promise<{ status: number; body: { id: string; url: string; code?: string } }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${baseUrl}/uploads`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as never };
}
