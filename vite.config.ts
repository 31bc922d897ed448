import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { awsManagedPoliciesPlugin } from './scripts/aws-managed-policies.mjs';

// The renderer is a static bundle loaded by Electron (file://) or served by browser mode.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), awsManagedPoliciesPlugin()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 4000 },
});
