import { AppDetailView } from './app-detail-view';

export default async function AppPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  return <AppDetailView appId={appId} />;
}
