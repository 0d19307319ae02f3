// The rules' view of a project (RuleContext) kept across edits. `makeContext` walks every file to
// index them by id and path; after an edit only the edited file moves in those indexes, so it is
// swapped in place, and a rebuilt map just replaces the old one (with the did-you-mean index kept
// when it still fits, see suggestCache.ts).
import type { IndexedFile, ProjectConfig, RevisionMap } from '../engine/index';
import { makeContext, type RuleContext } from '../engine/rules/context';
import { SuggestCache } from './suggestCache';

export class RuleContextKeeper {
  ctx: RuleContext;
  private readonly suggestions = new SuggestCache();

  constructor(config: ProjectConfig, files: IndexedFile[], map: RevisionMap) {
    this.ctx = this.fresh(config, files, map);
  }

  /** Indexes every file again (the file list changed). */
  reset(config: ProjectConfig, files: IndexedFile[], map: RevisionMap): void {
    this.ctx = this.fresh(config, files, map);
  }

  setMap(map: RevisionMap): void {
    this.ctx.map = map;
    this.ctx.suggestions = this.suggestions.forMap(map);
  }

  /**
   * `old` was replaced by `neu` (same path, same place) in `files`, the project's new file list;
   * `positionOf` gives a file's place in that list (files declaring one id stay in load order).
   */
  replaceFile(files: IndexedFile[], old: IndexedFile, neu: IndexedFile, positionOf: (f: IndexedFile) => number): void {
    const { ctx } = this;
    ctx.files = files;
    if (ctx.filesByPath.get(old.ref.path) === old) ctx.filesByPath.set(old.ref.path, neu);
    if (old.revisionId !== null) {
      const list = ctx.filesById.get(old.revisionId) ?? [];
      const at = list.indexOf(old);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) ctx.filesById.delete(old.revisionId);
    }
    if (neu.revisionId !== null) {
      const list = ctx.filesById.get(neu.revisionId);
      if (!list) {
        ctx.filesById.set(neu.revisionId, [neu]);
        return;
      }
      const mine = positionOf(neu);
      let at = 0;
      while (at < list.length && positionOf(list[at]) < mine) at++;
      list.splice(at, 0, neu);
    }
  }

  private fresh(config: ProjectConfig, files: IndexedFile[], map: RevisionMap): RuleContext {
    const ctx = makeContext({ config, files, map });
    ctx.suggestions = this.suggestions.forMap(map);
    return ctx;
  }
}
