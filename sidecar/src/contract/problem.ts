/**
 * RFC 9457 problem details shared by the portal and the sidecar. `type` URIs are stable identifiers, one per code;
 * clients branch on `code`, people read `title` and `detail`.
 */
export const PROBLEM_BASE = 'https://gatehouse.dev/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export function problem(status: number, code: string, title: string, detail?: string, extra?: Record<string, unknown>): Problem {
  return { type: PROBLEM_BASE + code.toLowerCase().replaceAll('_', '-'), title, status, code, ...(detail ? { detail } : {}), ...extra };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
