// Vite turns `import X from 'module?worker'` into a constructor of a bundled worker.
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
