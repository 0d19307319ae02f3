// down_revision and depends_on entries that name nothing. Alembic needs the exact full id in
// down_revision (and the exact id or branch label in depends_on); anything else is a KeyError while
// the map is built, which stops every command. Each entry gets its own problem on its own literal,
// with the likeliest intended target (suggest.ts) in `data.candidates` for the quick fix.
import type { IndexedFile, Problem, RelatedLocation, RevisionMap, StrLit } from '../types';
import { scriptString } from '../render/render-forms';
import type { Suggestion } from './suggest';
import { orList, problem, q, type RuleContext } from './context';
import { fileName, literalsOf, relatedAt, revisionSpan } from './spans';

export function linksRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const files = ctx.files;
  const { byId, labelOwner } = ctx.map;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const id = file.revisionId;
    if (id === null || !file.parsed) continue;
    const down = file.parsed.down_revision?.value;
    // The usual file names one parent that exists: told without listing its literals.
    if (down !== undefined && !(down.kind === 'str' && byId.has(down.lit.value))) {
      for (const lit of literalsOf(file.parsed.down_revision)) {
        // '' and self-references have their own rules.
        if (lit.value === '' || lit.value === id || byId.has(lit.value)) continue;
        out.push(brokenParent(ctx, file, id, lit));
      }
    }
    const deps = file.parsed.depends_on?.value.kind;
    if (deps !== 'str' && deps !== 'seq') continue;
    for (const lit of literalsOf(file.parsed.depends_on)) {
      if (lit.value === id || byId.has(lit.value) || labelOwner.has(lit.value)) continue;
      out.push(brokenDependency(ctx, file, id, lit));
    }
  }
  return out;
}

function brokenParent(ctx: RuleContext, file: IndexedFile, id: string, lit: StrLit): Problem {
  const missing = lit.value;
  const s = ctx.suggestions().suggest(missing, { from: id });
  const related = candidateLocations(ctx, s.candidates);
  const alembicSays = `Alembic stops with "Revision ${missing} referenced from ${referencedFrom(ctx.map, file, id)} is not present" and KeyError: '${missing}'.`;
  if (s.kind === 'partial-id') {
    const fullId = s.candidates[0];
    return problem(
      'partial-id-in-down-revision',
      file.ref.path,
      lit.span,
      `${q(missing)} is the start of revision ${q(fullId)}, but down_revision needs the full id: ${alembicSays} Write ${q(fullId)}.`,
      { related, data: { missing, fullId, candidates: [fullId] } },
    );
  }
  if (s.kind === 'label') {
    return problem(
      'label-in-down-revision',
      file.ref.path,
      lit.span,
      `${q(missing)} is a branch label, but down_revision accepts only revision ids: ${alembicSays} ` +
        (s.candidates.length > 0 ? `Write the id of the revision this one follows, e.g. ${orList(s.candidates)} (${labelHint(ctx.map, missing, s.candidates)}).` : 'Write the id of the revision this one follows.'),
      { related, data: { missing, label: missing, candidates: s.candidates } },
    );
  }
  const data = { missing, suggestion: s.kind, candidates: s.candidates };
  if (ctx.config.sourceless) {
    // With `sourceless = true` Alembic also loads .pyc/.pyo revisions, which cannot be read
    // statically: the parent may well exist there, so this is a doubt, not a certain failure.
    return problem(
      'broken-down-revision',
      file.ref.path,
      lit.span,
      `No readable revision has the id ${q(missing)}; it may be in a sourceless (.pyc/.pyo) file, which this index cannot read (keep the .py source next to it to have it indexed). If it is not there either, ${alembicSays} ${fixText(ctx, s, missing, 'down_revision')}`,
      { severity: 'warning', related, data: { ...data, sourceless: true } },
    );
  }
  return problem(
    'broken-down-revision',
    file.ref.path,
    lit.span,
    `No revision has the id ${q(missing)}. ${alembicSays} ${fixText(ctx, s, missing, 'down_revision')}`,
    { related, data },
  );
}

function brokenDependency(ctx: RuleContext, file: IndexedFile, id: string, lit: StrLit): Problem {
  const missing = lit.value;
  const s = ctx.suggestions().suggest(missing, { from: id, allowLabels: true });
  const data: Record<string, unknown> = { missing, suggestion: s.kind, candidates: s.candidates };
  if (s.kind === 'partial-id') data.fullId = s.candidates[0];
  const fix =
    s.kind === 'partial-id'
      ? `${q(missing)} is the start of ${q(s.candidates[0])}; depends_on needs the full id or an exact branch label. Write ${q(s.candidates[0])}.`
      : fixText(ctx, s, missing, 'depends_on');
  return problem(
    'broken-depends-on',
    file.ref.path,
    lit.span,
    `depends_on names ${q(missing)}, which is neither a revision id nor a branch label; Alembic stops with KeyError: '${missing}'. ${fix}`,
    { related: candidateLocations(ctx, s.candidates), data },
  );
}

function fixText(ctx: RuleContext, s: Suggestion, missing: string, variable: string): string {
  const c = s.candidates;
  switch (s.kind) {
    case 'case':
      return `Ids and labels are case-sensitive: did you mean ${orList(c)}?`;
    case 'ambiguous-prefix':
      return `${q(missing)} is the start of several revisions (${c.join(', ')}); write the full id of the one you mean.`;
    case 'file-name':
      return `${q(missing)} is a file name, not a revision id: did you mean ${describe(ctx, c)}?`;
    case 'slug':
      return `${q(missing)} looks like the message part of a file name: did you mean ${describe(ctx, c)}?`;
    case 'near-miss':
      return `Did you mean ${describe(ctx, c)}?`;
    case 'heads':
      return `Nothing has a similar id. If this revision should follow the latest one, write ${orList(c)} (the current head${c.length > 1 ? 's' : ''}).`;
    default:
      return variable === 'down_revision'
        ? 'Fix the id, or write None if this revision is a base.'
        : 'Fix the id or label, or remove the entry.';
  }
}

/** `'abc' (0003_add_x.py) or 'abd' (0004_y.py)`. */
function describe(ctx: RuleContext, ids: string[]): string {
  const parts = ids.map((id) => {
    const node = ctx.map.byId.get(id);
    return node ? `${q(id)} (${node.relPath.slice(node.relPath.lastIndexOf('/') + 1)})` : q(id);
  });
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

function labelHint(map: RevisionMap, label: string, candidates: string[]): string {
  const owner = map.labelOwner.get(label);
  const heads = candidates.filter((c) => c !== owner);
  if (heads.length > 0 && owner && candidates.includes(owner)) return `the head of branch ${q(label)}, or the revision declaring it`;
  return heads.length > 0 ? `the head of branch ${q(label)}` : `the revision declaring ${q(label)}`;
}

function candidateLocations(ctx: RuleContext, ids: string[]): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const id of ids.slice(0, 3)) {
    for (const f of ctx.filesById.get(id) ?? []) out.push(relatedAt(f, revisionSpan(f), `revision ${q(id)} (${fileName(f)})`));
  }
  return out;
}

/**
 * Script.__str__ as Alembic prints it in the warning: the map is half built at that moment, so the
 * revision counts as a head (or branch point) only through children loaded before it.
 */
function referencedFrom(map: RevisionMap, file: IndexedFile, id: string): string {
  const node = map.byId.get(id);
  const earlier = node ? node.children.filter((c) => (map.byId.get(c)?.loadIndex ?? Infinity) < node.loadIndex) : [];
  const rev = file.input ?? node;
  if (!rev) return id;
  return scriptString(rev, { head: earlier.length === 0, branchPoint: earlier.length > 1 });
}
