// The engine's public surface: the CLI, the language server and the tests import only this.
export * from './types';
export * from './paths';
export * from './config/config';
export * from './config/discover';
export * from './config/scan';
export * from './config/listingCache';
export * from './python/parse';
export * from './python/utf8-roundtrip';
export * from './graph/graph';
export { illegalIdMessage } from './graph/loadfail';
export * from './plan/resolve';
export * from './plan/plan';
export * from './rules/validate';
export * from './rules/unloadable';
export * from './render/render';
export * from './generate/generate';
export * from './project';
