import { ApiDetailView } from './api-detail-view';

export default async function ApiPage({ params }: { params: Promise<{ apiId: string }> }) {
  const { apiId } = await params;
  return <ApiDetailView apiId={apiId} />;
}
