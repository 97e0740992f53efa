import type { Role, StakeholderType } from "@/lib/generated/prisma/enums";

// Demo accounts exist only in the embedded demo mode (DEMO_ACCOUNTS, which
// defaults to true when DATABASE_URL is unset). The README lists them.
export const DEMO_PASSWORD = "Agora-demo-2026!";

export type DemoAccount = {
  email: string;
  role: Role;
  displayName: string;
  stakeholderType: StakeholderType;
  organisationName: string | null;
  country: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@agora.example",
    role: "ADMIN",
    displayName: "Ada Admin",
    stakeholderType: "PUBLIC_AUTHORITY",
    organisationName: "Agora secretariat",
    country: "BE",
  },
  {
    email: "moderator@agora.example",
    role: "MODERATOR",
    displayName: "Maria Moderator",
    stakeholderType: "PUBLIC_AUTHORITY",
    organisationName: "Agora moderation team",
    country: "BE",
  },
  {
    email: "participant@agora.example",
    role: "PARTICIPANT",
    displayName: "Pierre Participant",
    stakeholderType: "EU_CITIZEN",
    organisationName: null,
    country: "FR",
  },
];
