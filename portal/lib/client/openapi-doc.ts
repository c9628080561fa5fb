import { bodyExample } from './openapi-example';
import type { ApiEnvironment } from './types';

/** An OpenAPI document as parsed from JSON or YAML; only the parts the portal reads are typed. */
export type OpenApiDoc = Record<string, unknown> & {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown> & { securitySchemes?: Record<string, unknown> };
};

export interface TryParam {
  name: string;
  required: boolean;
  example: string;
}

export interface TryOperation {
  method: string;
  path: string;
  summary: string;
  /** In the order they appear in the path template. */
  pathParams: TryParam[];
  query: TryParam[];
  hasBody: boolean;
  /** JSON text to start the body with (the document's example, or one built from the schema); '' without a body. Built on demand: a large document has hundreds of operations. */
  bodyExample: () => string;
}

/** The scheme name under which the gateway's key goes into the document Scalar renders. */
export const GATEWAY_SCHEME = 'gatewayKey';
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

function exampleOf(p: Record<string, unknown>): string {
  const schema = (p.schema ?? {}) as Record<string, unknown>;
  const value = p.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  return value === undefined ? '' : String(value);
}

function paramsIn(params: Record<string, unknown>[], where: 'path' | 'query'): TryParam[] {
  const found = params.filter((p) => p.in === where && typeof p.name === 'string').map((p) => ({ name: String(p.name), required: where === 'path' || p.required === true, example: exampleOf(p) }));
  // An operation's own parameter overrides the path item's of the same name (OpenAPI 3, "Parameter Object").
  return [...new Map(found.map((p) => [p.name, p])).values()];
}

/** Path parameters named in the template, whether or not the document declares them (many forget to). */
function pathParamsOf(path: string, declared: TryParam[]): TryParam[] {
  const names = [...path.matchAll(/\{([^}/]+)\}/g)].map((m) => m[1] ?? '');
  return names.map((name) => declared.find((p) => p.name === name) ?? { name, required: true, example: '' });
}

/** The operations of a document with their parameters and body examples, in document order. */
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
        pathParams: pathParamsOf(path, paramsIn(params, 'path')),
        query: paramsIn(params, 'query'),
        hasBody: op.requestBody !== undefined,
        bodyExample: () => (op.requestBody === undefined ? '' : bodyExample(doc, op.requestBody)),
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
