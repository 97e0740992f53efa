import type { Metadata } from "next";
import Link from "next/link";
import { UserFilters } from "@/components/admin/user-filters";
import { UsersTable } from "@/components/admin/users-table";
import { Pagination } from "@/components/ui/pagination";
import { Announcer } from "@/components/ui/form/announcer";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { changeUserRoleAction, setUserSuspendedAction } from "@/lib/users/actions";
import { findUsers } from "@/lib/users/find-users";
import { findUsersSchema } from "@/lib/users/schema";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Users and roles" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireRoleForPage("ADMIN", "/admin/users");
  const params = await searchParams;

  // A hand-edited address should not break the page: each filter that does
  // not parse is reported next to its field and left out.
  const { shape } = findUsersSchema;
  const query = shape.query.safeParse(firstParam(params.query) ?? "");
  const role = shape.role.safeParse(firstParam(params.role) ?? "");
  const page = shape.page.safeParse(firstParam(params.page) ?? "1");
  const filters = {
    query: query.success ? (query.data ?? "") : "",
    role: role.success ? (role.data ?? "") : "",
    page: page.success ? page.data : 1,
  } as const;

  const result = await findUsers(filters);
  const hrefFor = (target: number) => {
    const search = new URLSearchParams();
    if (filters.query) search.set("query", filters.query);
    if (filters.role) search.set("role", filters.role);
    if (target > 1) search.set("page", String(target));
    const text = search.toString();
    return text ? `/admin/users?${text}` : "/admin/users";
  };

  const what = [filters.role ? `${ROLE_LABELS[filters.role]}s` : "Users", filters.query ? `matching “${filters.query}”` : null]
    .filter(Boolean)
    .join(" ");
  const caption = `${what}: ${result.total} in all, page ${result.page} of ${result.pageCount}.`;

  return (
    <div className="space-y-6">
      <PageHeader title="Users and roles">
        <p className="mt-2 max-w-3xl text-slate-700">
          Find an account, change its role or suspend it. A change ends the user&apos;s sessions at once; it is recorded in the
          moderation log with your name.
        </p>
      </PageHeader>
      <UserFilters
        query={filters.query}
        role={filters.role}
        errors={{ query: query.error?.issues[0]?.message, role: role.error?.issues[0]?.message, page: page.error?.issues[0]?.message }}
      />
      <Announcer>
        {result.users.length === 0 ? (
          <p className="text-slate-700">
            {result.total === 0 ? (
              "No user matches these filters."
            ) : (
              <>
                There are no users on page {result.page}. <Link href={hrefFor(result.pageCount)}>Go to the last page</Link>.
              </>
            )}
          </p>
        ) : (
          <>
            <UsersTable
              users={result.users}
              caption={caption}
              currentUserId={admin.id}
              changeRole={changeUserRoleAction}
              setSuspended={setUserSuspendedAction}
            />
            <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} label="User list pages" />
          </>
        )}
      </Announcer>
    </div>
  );
}
