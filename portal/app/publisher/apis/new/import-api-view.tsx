'use client';

import Link from 'next/link';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { MAX_OPENAPI_LABEL } from '@/lib/openapi/limits';
import { useRequireSession } from '@/lib/client/use-require-session';
import { ImportForm } from './import-form';

export function ImportApiView() {
  const { session } = useRequireSession();
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/publisher" className="hover:underline">Your APIs</Link>}
        title="Import an API"
        description={`Upload, paste or fetch an OpenAPI 3.0 or 3.1 document, or Swagger 2.0 (converted on import), in YAML or JSON, up to ${MAX_OPENAPI_LABEL}. The API starts as Created: publish and deploy it from its page.`}
      />
      <Card>{session ? <ImportForm /> : null}</Card>
    </>
  );
}
