'use client';

import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { inputClass } from '@/components/field';
import type { AdminUser, Role } from '@/lib/client/admin-types';
import { formatDate } from '@/lib/client/format';

const ROLES: Role[] = ['subscriber', 'publisher', 'admin'];

/** One user. The signed-in admin's own row is read-only: the server refuses self-demotion and self-disabling anyway. */
export function UserRow({ user, self, busy, onRole, onDisabled }: {
  user: AdminUser;
  self: boolean;
  busy: boolean;
  onRole: (role: Role) => void;
  onDisabled: (disabled: boolean) => void;
}) {
  return (
    <tr data-testid={`user-row-${user.email}`} className={user.disabled ? 'bg-zinc-50' : undefined}>
      <td className="py-3 pr-3 pl-5">
        <div className="font-medium text-zinc-900">
          {user.name} {self && <Badge tone="accent">You</Badge>}
        </div>
        <div className="text-zinc-500">{user.email}</div>
      </td>
      <td className="px-3 py-3">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          className={`${inputClass} w-36 py-1.5`}
          value={user.role}
          disabled={self || busy}
          onChange={(e) => onRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r.charAt(0).toUpperCase() + r.slice(1)}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-3">{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
      <td className="px-3 py-3 text-zinc-600">{formatDate(user.createdAt)}</td>
      <td className="py-3 pr-5 pl-3 text-right">
        {!self && (
          <Button size="sm" variant={user.disabled ? 'secondary' : 'danger'} disabled={busy} onClick={() => onDisabled(!user.disabled)} aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}>
            {user.disabled ? 'Enable' : 'Disable'}
          </Button>
        )}
      </td>
    </tr>
  );
}
