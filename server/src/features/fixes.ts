// Code actions: the quick fixes and `source.fixAll.alembic`, registered as one group.
import type { Feature } from './registry';

export const FIX_FEATURES: Feature[] = [];
