import type { Role } from "@/lib/generated/prisma/enums";

// Demo accounts exist only in the embedded demo mode (DEMO_ACCOUNTS, which
// defaults to true when DATABASE_URL is unset). The README lists them.
export const DEMO_PASSWORD = "Agora-demo-2026!";

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: Role; displayName: string }> = [
  { email: "admin@agora.example", role: "ADMIN", displayName: "Ada Admin" },
  { email: "moderator@agora.example", role: "MODERATOR", displayName: "Maria Moderator" },
  { email: "participant@agora.example", role: "PARTICIPANT", displayName: "Pierre Participant" },
];
