// Editing aids (rename, document and workspace symbols, code lens, inlay hints), registered as one group.
import type { Feature } from './registry';

export const EDITING_FEATURES: Feature[] = [];
