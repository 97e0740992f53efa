import { ROLE_LABELS } from "@/lib/auth/roles";
import { Role } from "@/lib/generated/prisma/enums";
import { FilterActions } from "@/components/ui/filter-actions";

type Props = {
  query: string;
  role: Role | "";
  /** Problems with the filters from the address, one per field. */
  errors: { query?: string; role?: string; page?: string };
};

const fieldClass = "mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2";

export function UserFilters({ query, role, errors }: Props) {
  return (
    <form method="get" action="/admin/users" role="search" aria-label="Find users" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="user-query" className="block text-sm font-medium">
          E-mail or name
        </label>
        <input
          id="user-query"
          name="query"
          type="search"
          defaultValue={query}
          maxLength={200}
          aria-invalid={errors.query ? true : undefined}
          aria-describedby={errors.query ? "user-query-error" : undefined}
          className={`${fieldClass} w-72 max-w-full`}
        />
        {errors.query ? (
          <p id="user-query-error" className="mt-1 text-sm text-red-800">
            {errors.query}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="user-role" className="block text-sm font-medium">
          Role
        </label>
        <select
          id="user-role"
          name="role"
          defaultValue={role}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={errors.role ? "user-role-error" : undefined}
          className={fieldClass}
        >
          <option value="">Any role</option>
          {Object.values(Role).map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        {errors.role ? (
          <p id="user-role-error" className="mt-1 text-sm text-red-800">
            {errors.role}
          </p>
        ) : null}
      </div>
      <FilterActions
        className="contents"
        submitLabel="Search"
        clear={query || role ? { href: "/admin/users", label: "Clear" } : null}
        pageError={errors.page}
      />
    </form>
  );
}
