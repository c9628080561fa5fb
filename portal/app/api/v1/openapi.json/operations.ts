import type { z } from 'zod';
import { approvalQueueQuery } from '@/lib/server/approvals/list-approval-queue';
import { changeApiStatusInput } from '@/lib/server/apis/change-api-status';
import { createApiInput } from '@/lib/server/apis/create-api';
import { createApiVersionInput } from '@/lib/server/apis/create-api-version';
import { documentDiffInput } from '@/lib/server/apis/diff-api-document';
import { fetchOpenApiInput } from '@/lib/server/apis/fetch-openapi-url';
import { importSettingsInput } from '@/lib/server/apis/import-settings';
import { setApiTiersInput } from '@/lib/server/apis/set-api-tiers';
import { updateApiInput } from '@/lib/server/apis/update-api';
import { validateOpenApiInput } from '@/lib/server/apis/validate-openapi';
import { createApplicationInput } from '@/lib/server/apps/create-application';
import { listAuditQuery } from '@/lib/server/audit/list-audit';
import { createEnvironmentInput } from '@/lib/server/environments/create-environment';
import { createGatewayInput } from '@/lib/server/gateways/create-gateway';
import { createApiKeyInput } from '@/lib/server/keys/create-api-key';
import { rotateApiKeyInput } from '@/lib/server/keys/rotate-api-key';
import { markNotificationsReadInput } from '@/lib/server/notifications/mark-notifications-read';
import { createOAuthClientInput } from '@/lib/server/oauth/create-oauth-client';
import { changeTierInput } from '@/lib/server/subscriptions/change-tier';
import { subscribeInput } from '@/lib/server/subscriptions/subscribe';
import { deployApiInput } from '@/lib/server/deployments/deploy-api';
import { tierInput } from '@/lib/server/tiers/tier-input';
import { createPersonalTokenInput } from '@/lib/server/tokens/create-personal-token';
import { signUpInput } from '@/lib/server/users/sign-up';
import { updateUserInput } from '@/lib/server/users/update-user';
import { changePasswordInput } from '@/lib/server/users/change-password';
import { updateProfileInput } from '@/lib/server/users/profile';
import { usageQuery } from '@/lib/server/usage/usage-query';

export interface DocumentedOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** The very schema the route handler validates its body with, so the document cannot drift from the code. */
  body?: z.ZodType;
  /** The body may be left out entirely (the handler then uses the schema's defaults). */
  bodyOptional?: boolean;
  query?: z.ZodObject;
  success: number;
  public?: boolean;
}

const op = (method: DocumentedOperation['method'], path: string, tag: string, summary: string, extra: Partial<DocumentedOperation> = {}): DocumentedOperation => ({
  method,
  path,
  tag,
  summary,
  success: method === 'delete' ? 204 : method === 'post' && extra.body ? 201 : 200,
  ...extra,
});

/** Every operation of /api/v1. A test checks that each route file's exported verbs appear here and vice versa. */
export const OPERATIONS: DocumentedOperation[] = [
  op('post', '/auth/signup', 'Account', 'Create a subscriber account', { body: signUpInput, public: true }),
  op('get', '/account/profile', 'Account', 'Your profile: name, email and current role'),
  op('patch', '/account/profile', 'Account', 'Change your display name', { body: updateProfileInput }),
  op('post', '/account/password', 'Account', 'Change your password (ends every session, this one included)', { body: changePasswordInput, success: 204 }),
  op('get', '/account/tokens', 'Account', 'List your personal access tokens'),
  op('post', '/account/tokens', 'Account', 'Create a personal access token (the plaintext is in this response only)', { body: createPersonalTokenInput }),
  op('delete', '/account/tokens/{tokenId}', 'Account', 'Revoke a personal access token'),
  op('get', '/account/notifications', 'Account', 'Your latest notifications (versions, deprecations, approvals, expiring keys) and the unread count'),
  op('post', '/account/notifications/read', 'Account', 'Mark notifications read (the given ids, or all)', { body: markNotificationsReadInput, success: 200 }),
  op('get', '/apis', 'Catalog', 'Search the catalog (published and deprecated APIs)', { public: true }),
  op('get', '/apis/{apiId}', 'Catalog', 'One catalog API with its operations, tiers and environments', { public: true }),
  op('get', '/apis/{apiId}/openapi', 'Catalog', 'The OpenAPI document of a catalog API, as its publisher imported it', { public: true }),
  op('get', '/environments', 'Catalog', 'List environments'),
  op('get', '/tiers', 'Catalog', 'List tiers'),
  op('get', '/apps', 'Applications', 'List your applications'),
  op('post', '/apps', 'Applications', 'Create an application', { body: createApplicationInput }),
  op('get', '/apps/{appId}', 'Applications', 'One of your applications'),
  op('delete', '/apps/{appId}', 'Applications', 'Delete an application, its keys and subscriptions'),
  op('get', '/apps/{appId}/keys', 'Applications', 'List the keys of an application'),
  op('post', '/apps/{appId}/keys', 'Applications', 'Create a key (the plaintext is in this response only)', { body: createApiKeyInput }),
  op('post', '/apps/{appId}/keys/{keyId}/revoke', 'Applications', 'Revoke a key', { success: 200 }),
  op('post', '/apps/{appId}/keys/{keyId}/rotate', 'Applications', 'Rotate a key: a new key now, the old one valid until its grace deadline (the new plaintext is in this response only)', {
    body: rotateApiKeyInput,
  }),
  op('get', '/apps/{appId}/oauth-clients', 'Applications', 'List the OAuth clients (client credentials) of an application'),
  op('post', '/apps/{appId}/oauth-clients', 'Applications', 'Create an OAuth client (the secret is in this response only); tokens come from POST /api/oauth/token', {
    body: createOAuthClientInput,
  }),
  op('post', '/apps/{appId}/oauth-clients/{clientId}/revoke', 'Applications', "Revoke an OAuth client's secret; gateways reject its tokens within one sync", { success: 200 }),
  op('get', '/apps/{appId}/subscriptions', 'Applications', 'List the subscriptions of an application (with their state and this month\'s quota use)'),
  op('post', '/apps/{appId}/subscriptions', 'Applications', 'Subscribe an application to an API (PENDING if the API requires approval)', { body: subscribeInput }),
  op('patch', '/apps/{appId}/subscriptions/{subscriptionId}', 'Applications', 'Change the tier (waits for approval where the API requires it)', { body: changeTierInput }),
  op('delete', '/apps/{appId}/subscriptions/{subscriptionId}', 'Applications', 'Unsubscribe'),
  op('get', '/apps/{appId}/usage', 'Applications', 'Request counts, errors and latency of an application over a range', { query: usageQuery }),
  op('get', '/publisher/apis', 'Publisher', 'List the APIs you manage, in every state'),
  op('post', '/publisher/apis', 'Publisher', 'Create an API version from an OpenAPI 3.0/3.1 document (state CREATED)', { body: createApiInput }),
  op('get', '/publisher/apis/{apiId}', 'Publisher', 'One API you manage, with its operations, tiers, deployments and versions (the document is at /openapi)'),
  op('get', '/publisher/apis/{apiId}/openapi', 'Publisher', 'The stored OpenAPI document of an API you manage, in any state'),
  op('patch', '/publisher/apis/{apiId}', 'Publisher', 'Edit an API version', { body: updateApiInput }),
  op('post', '/publisher/apis/{apiId}/versions', 'Publisher', 'Start a new version from this one', { body: createApiVersionInput }),
  op('post', '/publisher/apis/{apiId}/document-diff', 'Publisher', 'What replacing this API\'s document would change for callers: operations added and removed, and breaking changes (stores nothing)', {
    body: documentDiffInput,
    success: 200,
  }),
  op('put', '/publisher/apis/{apiId}/status', 'Publisher', 'Move an API along its lifecycle', { body: changeApiStatusInput }),
  op('put', '/publisher/apis/{apiId}/tiers', 'Publisher', 'Choose the tiers an API offers', { body: setApiTiersInput }),
  op('put', '/publisher/apis/{apiId}/deployments/{environmentId}', 'Publisher', 'Deploy an API version to an environment, optionally to its own backend URL (idempotent)', {
    body: deployApiInput,
    bodyOptional: true,
  }),
  op('delete', '/publisher/apis/{apiId}/deployments/{environmentId}', 'Publisher', 'Undeploy an API version from an environment'),
  op('get', '/publisher/apis/{apiId}/usage', 'Publisher', 'Request counts, errors and latency of an API version over a range, per application and environment', {
    query: usageQuery,
  }),
  op('post', '/publisher/openapi/validate', 'Publisher', 'Validate an OpenAPI document and list every problem', { body: validateOpenApiInput, success: 200 }),
  op('post', '/publisher/openapi/fetch', 'Publisher', 'Fetch an OpenAPI document from a URL (SSRF-guarded) and validate it', { body: fetchOpenApiInput, success: 200 }),
  op('get', '/publisher/subscriptions', 'Publisher', 'Subscriptions to your APIs in one state (the approval queue)', { query: approvalQueueQuery }),
  op('get', '/publisher/subscriptions/pending-count', 'Publisher', 'How many new subscriptions and tier changes wait for your approval'),
  op('post', '/publisher/subscriptions/{subscriptionId}/approve', 'Publisher', 'Approve a pending subscription or tier change', { success: 200 }),
  op('post', '/publisher/subscriptions/{subscriptionId}/reject', 'Publisher', 'Reject a pending subscription or tier change', { success: 200 }),
  op('get', '/admin/tiers', 'Admin', 'List tiers'),
  op('post', '/admin/tiers', 'Admin', 'Create a tier', { body: tierInput }),
  op('put', '/admin/tiers/{tierId}', 'Admin', 'Replace a tier', { body: tierInput }),
  op('delete', '/admin/tiers/{tierId}', 'Admin', 'Delete an unused tier'),
  op('get', '/admin/users', 'Admin', 'List users'),
  op('patch', '/admin/users/{userId}', 'Admin', 'Change a user role or disable them', { body: updateUserInput }),
  op('get', '/admin/usage', 'Admin', 'Request counts, errors and latency across the fleet over a range, per environment and gateway', { query: usageQuery }),
  op('get', '/admin/audit', 'Admin', 'The audit log, newest first', { query: listAuditQuery }),
  op('get', '/admin/settings/import', 'Admin', 'OpenAPI import settings'),
  op('put', '/admin/settings/import', 'Admin', 'Allow URL imports from chosen private ranges', { body: importSettingsInput }),
  op('get', '/admin/environments', 'Admin', 'List environments with their revision and gateway count'),
  op('post', '/admin/environments', 'Admin', 'Create an environment', { body: createEnvironmentInput }),
  op('get', '/admin/gateways', 'Admin', 'The gateway fleet (last seen, applied revision, lag) and the portal signing key'),
  op('post', '/admin/gateways', 'Admin', 'Register a gateway (its token, and the npx, docker, Kubernetes and systemd ways to run its sidecar, are in this response only)', { body: createGatewayInput }),
  op('get', '/admin/gateways/{gatewayId}', 'Admin', 'One gateway'),
  op('post', '/admin/gateways/{gatewayId}/rotate', 'Admin', "Issue a new gateway token; the old one stops working at once", { success: 200 }),
  op('post', '/admin/gateways/{gatewayId}/revoke', 'Admin', 'Revoke a gateway for good', { success: 200 }),
];
