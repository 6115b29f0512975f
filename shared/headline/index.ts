export * from './text';
export * from './extract';
export * from './resolve';
export * from './draft';
export type { SubjectKind } from './subjects';
