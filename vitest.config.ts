import { defineConfig } from 'vitest/config';
import { awsManagedPoliciesPlugin } from './scripts/aws-managed-policies.mjs';

export default defineConfig({
  plugins: [awsManagedPoliciesPlugin()],
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'shared/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
