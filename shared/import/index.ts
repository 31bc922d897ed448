// Public entry of the offline AWS import. Import from here, not from the files behind it.
export type * from './types';
export { importAwsDumps } from './import';
export { recognizeDump, SUPPORTED_COMMANDS } from './shapes';
export { decodePolicyDocument } from './values';
