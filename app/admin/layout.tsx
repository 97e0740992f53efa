import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canAdminister } from "@/lib/auth/roles";

// Not a gate: each admin page and every domain function it calls checks the
// role itself. The layout only avoids showing the admin menu to others.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user || !canAdminister(user.role)) return children;
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
