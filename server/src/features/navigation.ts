// Navigation features (definition, references, hover, completion), registered as one group.
import type { Feature } from './registry';

export const NAVIGATION_FEATURES: Feature[] = [];
