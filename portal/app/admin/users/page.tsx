import type { Metadata } from 'next';
import { AdminNav } from '../admin-nav';
import { UsersView } from './users-view';

export const metadata: Metadata = { title: 'Users' };

export default function UsersPage() {
  return (
    <>
      <AdminNav />
      <UsersView />
    </>
  );
}
