import type { Metadata } from 'next';
import { ManageApiView } from './manage-api-view';

export const metadata: Metadata = { title: 'Manage API' };

export default async function ManageApiPage({ params }: { params: Promise<{ apiId: string }> }) {
  const { apiId } = await params;
  return <ManageApiView apiId={apiId} />;
}
