// Every LSP feature of the server: what it announces in `initialize` and how it hooks into the
// connection. A feature is one file in this folder, listed in its group (navigation, editing, fixes,
// planning).
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { FeatureContext } from './context';
import { NAVIGATION_FEATURES } from './navigation';
import { EDITING_FEATURES } from './editing';
import { FIX_FEATURES } from './fixes';
import { PLANNING_FEATURES } from './planning';

export interface Feature {
  capabilities: Partial<ServerCapabilities>;
  /** `ready` resolves after the first index; handlers await it before answering. */
  register(connection: Connection, ctx: FeatureContext, ready: Promise<void>): void;
}

export const FEATURES: Feature[] = [...NAVIGATION_FEATURES, ...EDITING_FEATURES, ...FIX_FEATURES, ...PLANNING_FEATURES];
