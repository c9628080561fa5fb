import type { ApiEnvironment } from './types';

/** An OpenAPI document as parsed from JSON or YAML; only the parts the portal reads are typed. */
export type OpenApiDoc = Record<string, unknown> & {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown> & { securitySchemes?: Record<string, unknown> };
};

export interface QueryParam {
  name: string;
  required: boolean;
  example: string;
}

export interface TryOperation {
  method: string;
  path: string;
  summary: string;
  query: QueryParam[];
  hasBody: boolean;
}

/** The scheme name under which the gateway's key goes into the document Scalar renders. */
export const GATEWAY_SCHEME = 'gatewayKey';
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

function exampleOf(p: Record<string, unknown>): string {
  const schema = (p.schema ?? {}) as Record<string, unknown>;
  const value = p.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  return value === undefined ? '' : String(value);
}

/** The operations of a document with their query parameters (and examples), in document order. */
export function tryOperations(doc: OpenApiDoc): TryOperation[] {
  const out: TryOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    const shared = Array.isArray(item.parameters) ? (item.parameters as Record<string, unknown>[]) : [];
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const params = [...shared, ...(Array.isArray(op.parameters) ? (op.parameters as Record<string, unknown>[]) : [])];
      out.push({
        method: method.toUpperCase(),
        path,
        summary: typeof op.summary === 'string' ? op.summary : '',
        query: params.filter((p) => p.in === 'query' && typeof p.name === 'string').map((p) => ({ name: String(p.name), required: p.required === true, example: exampleOf(p) })),
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return out;
}

/**
 * The document as a subscriber calls it: servers are the gateways of the environments the API is deployed to (not
 * the backend the publisher wrote), and every operation takes the gateway key in `x-api-key`, which the gateway
 * demands whatever the document says. The publisher's document is not changed; this is a copy.
 */
export function forGateway(doc: OpenApiDoc, environments: ApiEnvironment[]): OpenApiDoc {
  return {
    ...doc,
    servers: environments.map((e) => ({ url: e.baseUrl, description: e.name })),
    components: {
      ...doc.components,
      securitySchemes: {
        ...doc.components?.securitySchemes,
        [GATEWAY_SCHEME]: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'Your Gatehouse API key' },
      },
    },
    security: [{ [GATEWAY_SCHEME]: [] }],
  };
}
