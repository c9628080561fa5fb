import type { ReactNode } from 'react';
import { AdminNav } from './admin-nav';

/** Every admin page opens with the admin area's tabs; the layout keeps them out of each page. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
