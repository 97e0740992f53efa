import type { ComponentProps } from "react";
import { UserRoleForm } from "@/components/admin/user-role-form";
import { UserSuspensionForm } from "@/components/admin/user-suspension-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { UserRow } from "@/lib/users/find-users";
import { DataTable, tableCell } from "@/components/ui/data-table";

type Props = {
  users: UserRow[];
  caption: string;
  /** The signed-in administrator: their own row offers no actions. */
  currentUserId: string;
  changeRole: ComponentProps<typeof UserRoleForm>["action"];
  setSuspended: ComponentProps<typeof UserSuspensionForm>["action"];
};

const COLUMNS = ["User", "Stakeholder", "Account", "Role", "Suspension"];

export function UsersTable({ users, caption, currentUserId, changeRole, setSuspended }: Props) {
  return (
    <DataTable caption={caption} columns={COLUMNS}>
      {users.map((user) => {
        const label = user.displayName ?? user.email;
        const isSelf = user.id === currentUserId;
        return (
          <tr key={user.id}>
            <th scope="row" className={`${tableCell} font-normal`}>
              <span className="block font-semibold">{user.displayName ?? "No profile"}</span>
              <span className="block break-all text-slate-700">{user.email}</span>
            </th>
            <td className={tableCell}>
              {user.stakeholderType ? STAKEHOLDER_TYPE_LABELS[user.stakeholderType] : "—"}
              {user.country ? <span className="block text-slate-700">{countryName(user.country)}</span> : null}
            </td>
            <td className={tableCell}>
              <span className="block">{user.verified ? "E-mail verified" : "E-mail not verified"}</span>
              {user.suspended ? <span className="block font-semibold text-red-800">Suspended</span> : null}
              <span className="block text-slate-700">
                Joined <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
              </span>
            </td>
            <td className={tableCell}>
              {isSelf ? (
                <>
                  {ROLE_LABELS[user.role]}
                  <span className="block text-slate-700">This is you: another administrator can change your role.</span>
                </>
              ) : (
                <UserRoleForm key={`${user.id}-role`} userId={user.id} userLabel={label} role={user.role} action={changeRole} />
              )}
            </td>
            <td className={tableCell}>
              {isSelf ? "—" : <UserSuspensionForm key={`${user.id}-suspension`} userId={user.id} userLabel={label} suspended={user.suspended} action={setSuspended} />}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
