// The engine's public surface: the CLI, the language server and the tests import only this.
export * from './types';
export * from './paths';
export * from './config';
export * from './discover';
export * from './scan';
export * from './parse';
export * from './graph';
export * from './resolve';
export * from './plan';
export * from './validate';
export * from './render';
export * from './generate';
export * from './project';
