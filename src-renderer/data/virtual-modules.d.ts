// Modules generated at build time by vite plugins (vite.config.ts).
declare module 'virtual:aws-managed-policies' {
  const data: unknown;
  export default data;
}
