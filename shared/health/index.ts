export * from './check';
export * from './dates';
