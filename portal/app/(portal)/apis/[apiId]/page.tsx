import { ApiDetailView } from './api-detail-view';
import { VersionSwitcher } from './version-switcher';

export default async function ApiPage({ params }: { params: Promise<{ apiId: string }> }) {
  const { apiId } = await params;
  return (
    <>
      <VersionSwitcher apiId={apiId} />
      <ApiDetailView apiId={apiId} />
    </>
  );
}
