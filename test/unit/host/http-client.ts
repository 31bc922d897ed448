import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent in chunks without Content-Length when `chunked` is set. */
  body?: string | Buffer;
  chunked?: boolean;
  address?: string;
}

/** Raw HTTP so tests can forge headers (Host, Origin) that fetch() would not let them set. */
export function sendRaw(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${options.port}`, ...options.headers };
    if (options.body !== undefined && !options.chunked && headers['Content-Length'] === undefined) {
      headers['Content-Length'] = String(Buffer.byteLength(options.body));
    }
    const outgoing = request(
      {
        host: options.address ?? '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        setHost: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const body = Buffer.from(options.body);
        for (let offset = 0; offset < body.length; offset += 16 * 1024)
          outgoing.write(body.subarray(offset, offset + 16 * 1024));
      } else {
        outgoing.write(options.body);
      }
    }
    outgoing.end();
  });
}
