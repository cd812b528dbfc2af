export * from './protocol';
export * from './apply';
export * from './scope';
