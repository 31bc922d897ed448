import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  headerContentSecurityPolicy,
  rendererContentSecurityPolicy,
} from '../../../src-main/host/security-headers';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1).join(' ')]),
  );
}

describe('Content-Security-Policy', () => {
  it('is the same in index.html as in the response headers', () => {
    const html = readFileSync('src-renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(rendererContentSecurityPolicy);
  });

  it('allows scripts from the app only, nothing remote, no eval', () => {
    const policy = directives(headerContentSecurityPolicy);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    // The policy editor's worker is a bundled file: no blob: or remote workers.
    expect(policy.get('worker-src')).toBe("'self'");
    expect(headerContentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
