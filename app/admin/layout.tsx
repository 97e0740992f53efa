import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireRoleForSection } from "@/lib/auth/current-user";

// Not the only gate: each admin page and every domain function it calls
// checks the role itself. Here a signed-in user without it gets a real 403
// before the section's loading UI streams; a visitor is left to the page,
// which sends them to sign in and back to that page.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRoleForSection("ADMIN");
  if (!user) return children;
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
