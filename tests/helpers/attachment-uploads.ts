import { POST as uploadRoute } from "@/app/api/attachments/route";

// Uploads through the real route handler, as the browser's fetch does: a
// multipart body with one "file" part. The session comes from the cookie jar
// (tests/helpers/session.ts).

export type UploadResponse = { status: number; body: { id: string; fileName: string; size: number; mediaType: string } & { error?: { code: string; message: string } } };

export async function uploadFile(bytes: Buffer, fileName: string, clientType = "application/octet-stream", headers: Record<string, string> = {}): Promise<UploadResponse> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: clientType }), fileName);
  const request = new Request("http://localhost:3000/api/attachments", { method: "POST", body: form, headers });
  const response = await uploadRoute(request);
  return { status: response.status, body: await response.json() };
}

/** Uploads and returns the new attachment's id, failing loudly if the upload was refused. */
export async function uploadOk(bytes: Buffer, fileName: string): Promise<string> {
  const { status, body } = await uploadFile(bytes, fileName);
  if (status !== 201) throw new Error(`upload of ${fileName} refused: ${status} ${JSON.stringify(body)}`);
  return body.id;
}
