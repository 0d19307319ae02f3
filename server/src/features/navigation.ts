// Navigation features (definition, references, hover, completion), registered as one group.
import type { Feature } from './registry';
import { definition } from './definition';
import { references } from './references';
import { hover } from './hover';
import { completion, COMPLETION_TRIGGERS, resolveCompletion } from './completion';

const DEFINITION: Feature = {
  capabilities: { definitionProvider: true },
  register(connection, ctx, ready) {
    connection.onDefinition(async (p) => {
      await ready;
      return definition(ctx, p);
    });
  },
};

const REFERENCES: Feature = {
  capabilities: { referencesProvider: true },
  register(connection, ctx, ready) {
    connection.onReferences(async (p) => {
      await ready;
      return references(ctx, p);
    });
  },
};

const HOVER: Feature = {
  capabilities: { hoverProvider: true },
  register(connection, ctx, ready) {
    connection.onHover(async (p) => {
      await ready;
      return hover(ctx, p);
    });
  },
};

const COMPLETION: Feature = {
  capabilities: { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true } },
  register(connection, ctx, ready) {
    connection.onCompletion(async (p) => {
      await ready;
      return completion(ctx, p);
    });
    connection.onCompletionResolve(async (item) => {
      await ready;
      return resolveCompletion(ctx, item);
    });
  },
};

export const NAVIGATION_FEATURES: Feature[] = [DEFINITION, REFERENCES, HOVER, COMPLETION];
