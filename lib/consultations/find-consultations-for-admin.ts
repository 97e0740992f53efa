import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { ADMIN_CONSULTATIONS_PAGE_SIZE, adminConsultationFilterSchema, STATUS_TRANSITIONS } from "@/lib/consultations/schema";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

export type AdminConsultationRow = {
  id: string;
  slug: string;
  title: string;
  status: ConsultationStatus;
  transitions: readonly ConsultationStatus[];
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  conference: { title: string; slug: string } | null;
  contributions: { total: number; pending: number };
};

export type AdminConsultationPage = { consultations: AdminConsultationRow[]; total: number; page: number; pageCount: number };

/** Administrators only: every consultation, drafts included, newest opening first, with its contribution counts. */
export async function findConsultationsForAdmin(input: unknown = {}): Promise<AdminConsultationPage> {
  await requireRole("ADMIN");
  const { status, page } = parseInput(adminConsultationFilterSchema, input);
  const where = status ? { status } : {};
  const [total, rows] = await db.$transaction([
    db.consultation.count({ where }),
    db.consultation.findMany({
      where,
      orderBy: [{ opensAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * ADMIN_CONSULTATIONS_PAGE_SIZE,
      take: ADMIN_CONSULTATIONS_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        opensAt: true,
        closesAt: true,
        conference: { select: { title: true, slug: true, timeZone: true } },
      },
    }),
  ]);
  // One grouped query for the whole page rather than a count per row.
  const groups = await db.contribution.groupBy({
    by: ["consultationId", "status"],
    where: { consultationId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  return {
    consultations: rows.map(({ conference, ...row }) => {
      const mine = groups.filter((group) => group.consultationId === row.id);
      return {
        ...row,
        transitions: STATUS_TRANSITIONS[row.status],
        timeZone: conference?.timeZone ?? "UTC",
        conference: conference ? { title: conference.title, slug: conference.slug } : null,
        contributions: {
          total: mine.reduce((sum, group) => sum + group._count._all, 0),
          pending: mine.find((group) => group.status === "PENDING")?._count._all ?? 0,
        },
      };
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_CONSULTATIONS_PAGE_SIZE)),
  };
}
