// Public surface of the file services: atomic save, size-limited reads, recent files, recovery, examples.
export { writeFileAtomic, type AtomicFileSystem, type AtomicWriteOptions } from './atomic-write';
export { readTextFileLimited } from './read-text';
export { createRecentFiles, type RecentFiles } from './recent';
export { createRecoveryStore, type RecoveryRecord, type RecoveryStore } from './recovery';
export { listExampleDesigns, designFileSuffix, type ExampleDesign } from './examples';
export { FileServiceError, describeFileError, type FileErrorCode } from './errors';
