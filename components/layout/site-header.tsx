import Link from "next/link";
import type { Role } from "@/lib/generated/prisma/enums";
import { canAdminister, canModerate } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/layout/sign-out-button";

type Props = {
  user: { name: string | null; email: string; role: Role } | null;
  /** The signed-in user's unread notices (moderation decisions on their contributions). */
  unreadNotices: number;
};

const navLink = "rounded-md px-3 py-2 text-sm font-medium text-slate-700 no-underline hover:bg-slate-100 hover:no-underline";

export function SiteHeader({ user, unreadNotices }: Props) {
  return (
    <header role="banner" className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to main content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-xl font-bold text-brand-800 no-underline hover:no-underline">
          <span aria-hidden="true" className="inline-block h-7 w-7 rounded-full bg-brand-600" />
          Agora
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
          <Link href="/consultations" className={navLink}>
            Consultations
          </Link>
          <Link href="/conferences" className={navLink}>
            Conferences
          </Link>
          {user ? (
            <Link href="/my-contributions" className={navLink}>
              My contributions
              {unreadNotices > 0 ? (
                // Words, not a bare number or a dot: "My contributions 2 new" to a screen reader too
                // (the space keeps the two apart in the link's accessible name).
                <>
                  {" "}
                  <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">{unreadNotices} new</span>
                </>
              ) : null}
            </Link>
          ) : null}
          {user && canModerate(user.role) ? (
            <Link href="/moderation" className={navLink}>
              Moderation
            </Link>
          ) : null}
          {user && canAdminister(user.role) ? (
            <Link href="/admin/users" className={navLink}>
              Admin
            </Link>
          ) : null}
        </nav>
        <div className="flex items-center gap-1">
          {user ? (
            <>
              <Link href="/account" className={navLink}>
                <span className="sr-only">Your account: </span>
                {user.name ?? user.email}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={navLink}>
                Sign in
              </Link>
              <Link
                href="/register"
                className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white no-underline hover:bg-brand-700 hover:no-underline"
              >
                Register
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
