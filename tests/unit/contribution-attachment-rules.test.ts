import { describe, expect, it } from "vitest";
import { canDownloadAttachment, type AttachmentOwnership } from "@/lib/attachments/access";
import { attachmentDisposition, cleanFileName } from "@/lib/attachments/file-name";
import { formatFileSize } from "@/lib/attachments/rules";
import type { ConsultationStatus, ContributionStatus } from "@/lib/generated/prisma/enums";

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("cleanFileName", () => {
  it("keeps a readable name and makes the extension say what the bytes are", () => {
    expect(cleanFileName("Position paper.pdf", PDF)).toBe("Position paper.pdf");
    expect(cleanFileName("Position paper.PDF", PDF)).toBe("Position paper.pdf");
    expect(cleanFileName("report.pdf", DOCX)).toBe("report.docx");
    expect(cleanFileName("notes", DOCX)).toBe("notes.docx");
    expect(cleanFileName("Stellungnahme für die Konferenz.pdf", PDF)).toBe("Stellungnahme für die Konferenz.pdf");
    expect(cleanFileName("提言書.pdf", PDF)).toBe("提言書.pdf");
  });

  it("drops folders, control and direction-changing characters", () => {
    expect(cleanFileName("C:\\fakepath\\paper.pdf", PDF)).toBe("paper.pdf");
    expect(cleanFileName("../../etc/passwd", PDF)).toBe("passwd.pdf");
    expect(cleanFileName("invoice\u202Efdp.exe", PDF)).toBe("invoicefdp.exe.pdf");
    expect(cleanFileName("a\u0000b\nc.pdf", PDF)).toBe("abc.pdf");
    expect(cleanFileName("...", PDF)).toBe("attachment.pdf");
    expect(cleanFileName("", PDF)).toBe("attachment.pdf");
  });

  it("shortens very long names", () => {
    expect(cleanFileName(`${"x".repeat(400)}.pdf`, PDF)).toBe(`${"x".repeat(150)}.pdf`);
  });
});

describe("attachmentDisposition", () => {
  it("forces a download, with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("paper.pdf")).toBe(`attachment; filename="paper.pdf"; filename*=UTF-8''paper.pdf`);
    expect(attachmentDisposition(`Stellungnahme "für" (1).pdf`)).toBe(
      `attachment; filename="Stellungnahme _f_r_ (1).pdf"; filename*=UTF-8''Stellungnahme%20%22f%C3%BCr%22%20%281%29.pdf`,
    );
  });
});

describe("formatFileSize", () => {
  it("reads like a file manager", () => {
    expect(formatFileSize(900)).toBe("900 bytes");
    expect(formatFileSize(2048)).toBe("2 KB");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10.0 MB");
  });
});

describe("canDownloadAttachment", () => {
  const author = { id: "author", role: "PARTICIPANT" as const };
  const stranger = { id: "stranger", role: "PARTICIPANT" as const };
  const moderator = { id: "moderator", role: "MODERATOR" as const };
  const admin = { id: "admin", role: "ADMIN" as const };
  const attached = (status: ContributionStatus, consultationStatus: ConsultationStatus = "OPEN"): AttachmentOwnership => ({
    uploaderId: "author",
    contribution: { authorId: "author", status, consultation: { status: consultationStatus } },
  });

  it("lets everyone read the files of an approved contribution", () => {
    for (const viewer of [null, stranger, author, moderator]) expect(canDownloadAttachment(viewer, attached("APPROVED"))).toBe(true);
  });

  it("keeps the files of any other contribution to its author and the moderators", () => {
    for (const status of ["PENDING", "REJECTED", "HIDDEN", "WITHDRAWN"] as const) {
      expect(canDownloadAttachment(null, attached(status))).toBe(false);
      expect(canDownloadAttachment(stranger, attached(status))).toBe(false);
      expect(canDownloadAttachment(author, attached(status))).toBe(true);
      expect(canDownloadAttachment(moderator, attached(status))).toBe(true);
      expect(canDownloadAttachment(admin, attached(status))).toBe(true);
    }
  });

  it("keeps the files of a consultation in draft from visitors, as its contributions are", () => {
    for (const viewer of [null, stranger]) expect(canDownloadAttachment(viewer, attached("APPROVED", "DRAFT"))).toBe(false);
    for (const viewer of [author, moderator, admin]) expect(canDownloadAttachment(viewer, attached("APPROVED", "DRAFT"))).toBe(true);
    expect(canDownloadAttachment(null, attached("APPROVED", "CLOSED"))).toBe(true);
  });

  it("keeps a file not attached yet (part of a draft) to its uploader", () => {
    const unattached: AttachmentOwnership = { uploaderId: "author", contribution: null };
    expect(canDownloadAttachment(author, unattached)).toBe(true);
    for (const viewer of [null, stranger, moderator, admin]) expect(canDownloadAttachment(viewer, unattached)).toBe(false);
  });
});
