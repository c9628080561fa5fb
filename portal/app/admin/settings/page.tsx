import type { Metadata } from 'next';
import { AdminNav } from '../admin-nav';
import { SettingsView } from './settings-view';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <>
      <AdminNav />
      <SettingsView />
    </>
  );
}
