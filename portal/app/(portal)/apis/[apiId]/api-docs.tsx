'use client';

import './scalar.css';
import { ApiReferenceReact } from '@scalar/api-reference-react';
import { useMemo } from 'react';
import type { OpenApiDoc } from '@/lib/client/openapi-doc';
import type { ApiEnvironment } from '@/lib/client/types';
import { useTheme } from '@/lib/client/use-theme';
import { scalarConfiguration } from './scalar-config';

/** The API's reference, rendered by Scalar from the stored document, with the gateway as server and the key filled in. */
export default function ApiDocs({ document, environments, environmentId, apiKey }: {
  document: OpenApiDoc;
  environments: ApiEnvironment[];
  environmentId: string;
  apiKey: string;
}) {
  const { resolved } = useTheme();
  const configuration = useMemo(
    () => scalarConfiguration(document, environments, environmentId, apiKey, resolved === 'dark'),
    [document, environments, environmentId, apiKey, resolved],
  );
  return (
    <div className="gatehouse-scalar" data-testid="api-docs">
      {/* Scalar's types lag its runtime options (agent, mcp, externalUrls); the object above is checked by Scalar's own schema. */}
      {/* Remounted on a theme change: Scalar reads its dark-mode setting when it mounts. */}
      <ApiReferenceReact key={resolved} configuration={configuration as never} />
    </div>
  );
}
