import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user?: { id: string; email: string; name: string | null; role: Role };
  }
  interface User {
    id: string;
    email: string;
    name: string | null;
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The user's sessionVersion when the token was issued. */
    sv?: number;
  }
}
