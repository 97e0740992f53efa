import type { ReactNode } from "react";
import { Announcer } from "@/components/ui/form/announcer";
import { ModerationNav } from "@/components/moderation/moderation-nav";
import { requireRoleForSection } from "@/lib/auth/current-user";

// Not the only gate: each page asks for the role again and every domain
// function it calls checks it. Here a signed-in user without the role gets a
// real 403 before the section's loading UI streams; a visitor is left to the
// page, which sends them to sign in and back to that page rather than to the
// queue.
export default async function ModerationLayout({ children }: { children: ReactNode }) {
  const user = await requireRoleForSection("MODERATOR");
  if (!user) return children;
  return (
    <div className="space-y-4">
      <ModerationNav />
      <Announcer id="moderation-status">{children}</Announcer>
    </div>
  );
}
