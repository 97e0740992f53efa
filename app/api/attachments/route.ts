import { forbidden, toErrorResponse } from "@/lib/errors";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";

// Uploads one attachment (multipart/form-data, field "file"). The domain
// function checks the caller, streams the body to disk within the size limit
// and sniffs the type; the answer is JSON either way.
export const runtime = "nodejs";

export async function POST(request: Request) {
  try {
    // The session cookie is SameSite=Lax already; a browser that says the
    // request comes from another site is refused outright as well.
    if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden();
    const attachment = await uploadAttachment(request);
    return Response.json(attachment, { status: 201 });
  } catch (error) {
    const { status, body } = toErrorResponse(error, { route: "POST /api/attachments" });
    return Response.json(body, { status });
  }
}
