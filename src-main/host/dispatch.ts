// The validating gate every transport goes through: the method must exist, the request must match
// its schema, and so must the response. Whatever fails becomes `{ error: { code, message } }`.

import { hostApiSchemas, type HostApi, type HostMethod } from '../../shared/host/api';
import type { HostEnvelope } from '../../shared/host/transport';
import { HostFailure, toHostError } from './errors';

export type HostDispatcher = (method: string, request: unknown) => Promise<HostEnvelope<HostMethod>>;

export function isHostMethod(method: string): method is HostMethod {
  return Object.prototype.hasOwnProperty.call(hostApiSchemas, method);
}

/** `$.path: Too small…` style message from the first few schema issues. */
function describeIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${['$', ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
}

export function createDispatcher(
  service: HostApi,
  onUnexpectedError?: (method: string, error: unknown) => void,
): HostDispatcher {
  return async function dispatch(method, request) {
    if (!isHostMethod(method)) {
      return { error: { code: 'unknown-method', message: `Unknown host method "${method.slice(0, 100)}".` } };
    }
    const schemas = hostApiSchemas[method];
    const parsedRequest = schemas.request.safeParse(request);
    if (!parsedRequest.success) {
      return {
        error: {
          code: 'invalid-request',
          message: `Invalid ${method} request: ${describeIssues(parsedRequest.error.issues)}`,
        },
      };
    }
    try {
      const call = service[method] as (input: unknown) => Promise<unknown>;
      const response = await call(parsedRequest.data);
      const parsedResponse = schemas.response.safeParse(response);
      if (!parsedResponse.success) {
        throw new HostFailure(
          'invalid-response',
          `The host produced an invalid ${method} response: ${describeIssues(parsedResponse.error.issues)}`,
        );
      }
      return { result: parsedResponse.data } as HostEnvelope<HostMethod>;
    } catch (error) {
      const envelope = toHostError(error);
      if (envelope.error.code === 'internal') onUnexpectedError?.(method, error);
      return envelope;
    }
  };
}
