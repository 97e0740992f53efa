import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countMyUnreadNotices } from "@/lib/notices/count-my-unread-notices";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Agora — stakeholder consultations", template: "%s · Agora" },
  description: "Take part in public consultations around policy conferences: submit contributions, follow moderation, read the summaries.",
};

// Every page shows who is signed in, so none can be prerendered; saying so
// keeps `next build` from trying, which would run the pages' queries (and
// open the embedded database) at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const unreadNotices = user ? await countMyUnreadNotices() : 0;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <SiteHeader user={user} unreadNotices={unreadNotices} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
