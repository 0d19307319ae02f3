// The language server process. VS Code starts it over IPC; other editors and the protocol tests use
// `--stdio`. The connection picks the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeFs } from './node/nodeFs';
import { tuneHeapForIndexing } from './node/heap';
import { createServer } from './server';

// A long-lived process: memory it takes while indexing is memory the editor does not get back.
tuneHeapForIndexing();
const connection = createConnection(ProposedFeatures.all);
createServer(connection, { fs: createNodeFs() });
connection.listen();
