// New Revision… (and New Revision on Top of a History item): Alembic's `revision` with its options
// asked for step by step (message, head when there are several, autogenerate, branch label, depends
// on, version path), run by the real Alembic, and the new file opened.
import * as vscode from 'vscode';
import type { AlembicCommand } from '../../../server/src/node/alembic/index';
import type { ClientContext } from '../context';
import type { ProjectInfo } from '../model/connections';
import { headChoices } from '../model/targets';
import { pickConnection, pickProject, pickRevision } from '../run/pickers';
import { runAlembic } from '../run/runAlembic';
import { projectIdArg, revisionArg } from './args';
import { openRevision } from './revisions';

const TITLE = 'Alembic: New Revision';
type Revision = Extract<AlembicCommand, { name: 'revision' }>;

export async function newRevision(ctx: ClientContext, arg?: unknown): Promise<void> {
  const project = await pickProject(ctx, TITLE, projectIdArg(arg));
  if (project) await create(ctx, project, undefined);
}

export async function newRevisionOnTop(ctx: ClientContext, arg?: unknown): Promise<void> {
  const rev = revisionArg(arg);
  const project = rev ? ctx.state.projects.project(rev.projectId) : undefined;
  if (project && rev) await create(ctx, project, rev.revision);
}

async function create(ctx: ClientContext, project: ProjectInfo, onTop: string | undefined): Promise<void> {
  const graph = ctx.state.graph(project.id);
  const cmd: Revision = { name: 'revision' };
  const message = await vscode.window.showInputBox({ title: TITLE, prompt: 'What the revision does (alembic revision -m); it also names the file', placeHolder: 'add users table', ignoreFocusOut: true });
  if (message === undefined) return;
  cmd.message = message || undefined;
  if (onTop) {
    cmd.head = onTop;
    // A revision on top of a non-head starts a new branch: Alembic requires --splice for that.
    cmd.splice = graph ? !graph.heads.includes(onTop) : undefined;
  } else if (graph && graph.heads.length > 1) {
    const head = await vscode.window.showQuickPick(headChoices(graph), { title: TITLE, placeHolder: `The project has ${graph.heads.length} heads: on which one?` });
    if (!head) return;
    cmd.head = head.target;
  }
  const several = project.versionLocations.length > 1;
  const options = await vscode.window.showQuickPick(
    [
      { label: 'Autogenerate', description: 'compare the models with a database and write the operations (--autogenerate)', key: 'auto' },
      ...(onTop ? [] : [{ label: 'On another revision…', description: 'base it on a revision that is not a head: starts a branch (--head … --splice)', key: 'splice' }]),
      { label: 'Branch label…', description: 'name a new branch (--branch-label)', key: 'label' },
      { label: 'Depends on…', description: 'revisions or labels this one depends on (--depends-on)', key: 'depends' },
      ...(several ? [{ label: 'Version path…', description: 'which version location gets the file (--version-path)', key: 'path' }] : []),
    ],
    { title: TITLE, placeHolder: 'Options (none needed: press Enter)', canPickMany: true, ignoreFocusOut: true },
  );
  if (!options) return;
  const chosen = new Set(options.map((o) => o.key));
  if (chosen.has('splice') && graph) {
    const parent = await pickRevision(graph, TITLE, 'The new revision\'s parent');
    if (!parent) return;
    cmd.head = parent;
    cmd.splice = !graph.heads.includes(parent);
  }
  let connection;
  if (chosen.has('auto')) {
    cmd.autogenerate = true;
    connection = await pickConnection(ctx, project, `${TITLE}: compare with which database?`);
    if (!connection) return;
  }
  if (chosen.has('label')) {
    const label = await vscode.window.showInputBox({ title: TITLE, prompt: 'Branch label', validateInput: (v) => (/^[^\s@:+-][^\s@:]*$/.test(v.trim()) ? null : 'One word without spaces, @ or :.') });
    if (label === undefined) return;
    cmd.branchLabel = label.trim();
  }
  if (chosen.has('depends') && graph) {
    const items = [
      ...Object.keys(graph.labels).sort().map((l) => ({ label: l, description: 'branch label' })),
      ...graph.nodes.map((n) => ({ label: n.id, description: n.message })),
    ];
    const deps = await vscode.window.showQuickPick(items, { title: TITLE, placeHolder: 'Depends on…', canPickMany: true, matchOnDescription: true });
    if (!deps) return;
    cmd.dependsOn = deps.map((d) => d.label);
  }
  if (chosen.has('path') || (several && cmd.head === 'base')) {
    const where = await vscode.window.showQuickPick(project.versionLocations, { title: TITLE, placeHolder: 'Version location for the new file' });
    if (!where) return;
    cmd.versionPath = where;
  }
  const result = await runAlembic(ctx, { project, connection, command: cmd, title: `${TITLE}: ${message || 'empty message'}` });
  const created = result?.ok ? result.created ?? [] : [];
  for (const c of created) await openRevision(c.path, 0);
  if (result?.ok) void ctx.refresh();
}
