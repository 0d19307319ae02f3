// Runs every revision rule over an indexed project and returns the problems in a stable order (file
// load order, then position, then code). Each rule lives in rules/ and is one function of the
// project; their codes and default severities are in codes.ts.
//
// The rules come in two kinds (FILE_RULES, PROJECT_RULES): the language server re-runs only the
// first kind for a file that was edited without changing its graph facts (see per-file.ts).
//
// The link, label, duplicate and self-loop rules read the parsed files directly, so each problem
// sits on the exact literal in the exact file (even in the losing file of a duplicate id); loops
// longer than one revision come from the graph's `cycle` / `dependency-cycle` issues.
//
// A whole-project run hands the rules only the files some rule could say something about (plain.ts);
// the indexes they read (filesById, the map) still cover every file.
import type { IndexedFile, Problem, ProjectConfig, RevisionMap } from '../types';
import { checkingContext, type Rule, type RuleContext } from './context';
import { surveyFiles, type AssembledFacts, type FileSurvey } from './plain';
import { fileHealthRule } from './file-health';
import { variablesRule } from './variables';
import { revisionIdRule } from './revision-id';
import { headerRule } from './header';
import { duplicatesRule } from './duplicates';
import { labelsRule } from './labels';
import { linksRule } from './links';
import { cycleRule, selfLoopRule } from './loops';
import { multipleHeadsRule } from './heads';

export { PROBLEM_CODES } from './codes';
export type { ProblemCode, ProblemCodeInfo } from './codes';

/**
 * Rules that read nothing but each file of `ctx.files` on its own (its parse and its ref): run over
 * one file they give exactly that file's share of a whole-project run, and every problem they make
 * sits on that file. A rule that looks at another file, the map or the config belongs below.
 */
export const FILE_RULES: readonly Rule[] = [fileHealthRule, variablesRule, revisionIdRule, headerRule, selfLoopRule];

/** Rules over the whole project: ids across files, the revision map, labels, links, heads. */
export const PROJECT_RULES: readonly Rule[] = [duplicatesRule, labelsRule, linksRule, cycleRule, multipleHeadsRule];

/**
 * The rules that tell whether Alembic can load the scripts at all (a file it cannot import or whose
 * variables it cannot use), and what it would warn of while loading. The commands that give
 * Alembic's answers read nothing else of the problems (cli/refusal.ts): the map's own issues tell
 * the rest.
 */
export const LOADING_RULES: readonly Rule[] = [fileHealthRule, variablesRule];

/** Every rule, in the order their findings are collected (each rule's codes are its own). */
export const RULES: readonly Rule[] = [
  fileHealthRule,
  variablesRule,
  revisionIdRule,
  headerRule,
  duplicatesRule,
  labelsRule,
  selfLoopRule,
  linksRule,
  cycleRule,
  multipleHeadsRule,
];

export function validateProject(p: { config: ProjectConfig; files: IndexedFile[]; map: RevisionMap }): Problem[] {
  return validateSurveyed(p, surveyFiles(p.files, p.map));
}

/** validateProject, told what building the map from these files learnt of them (project.ts). */
export function validateAssembled(p: { config: ProjectConfig; files: IndexedFile[]; map: RevisionMap }, known: AssembledFacts): Problem[] {
  return validateSurveyed(p, surveyFiles(p.files, p.map, known));
}

function validateSurveyed(p: { config: ProjectConfig; files: IndexedFile[]; map: RevisionMap }, survey: FileSurvey): Problem[] {
  const ctx = checkingContext(p, survey.toCheck, survey.idsMatchMap);
  return sortProblems(dedupeProblems(runRules(RULES, ctx)), p.files);
}

/**
 * validateProject with LOADING_RULES only. They look at each file on its own and find nothing in
 * a file Python imports with a string revision and a usable down_revision, so they run over every
 * file at once, without the survey that spares the other rules most of the files.
 */
export function validateLoading(p: { config: ProjectConfig; files: IndexedFile[]; map: RevisionMap }): Problem[] {
  const ctx = checkingContext(p, p.files, false);
  return sortProblems(dedupeProblems(runRules(LOADING_RULES, ctx)), p.files);
}

/** The findings of some rules, in rule order (not yet deduplicated or sorted). */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Problem[] {
  const problems: Problem[] = [];
  for (const rule of rules) {
    try {
      problems.push(...rule(ctx));
    } catch {
      // A rule must never take the others down with it; a bug here costs one rule's findings, not the index.
    }
  }
  return problems;
}

/** File load order, then line, then column, then code: the order a CLI prints and a test can pin. */
export function sortProblems(problems: Problem[], files: IndexedFile[]): Problem[] {
  // A healthy project has no problem to sort: do not rank its thousands of files for nothing.
  if (problems.length < 2) return [...problems];
  const rank = new Map<string, number>();
  files.forEach((f, i) => {
    if (!rank.has(f.ref.path)) rank.set(f.ref.path, i);
  });
  const fileRank = (p: Problem) => rank.get(p.file) ?? files.length;
  return [...problems].sort(
    (a, b) => fileRank(a) - fileRank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || compareInFile(a, b),
  );
}

/**
 * The order of two problems of one file: line, column, code, message. Deduplicated problems never tie
 * (the dedupe key is the same four facts), so sorting one file's share alone gives the same order.
 */
export function compareInFile(a: Problem, b: Problem): number {
  return (
    a.span.start.line - b.span.start.line ||
    a.span.start.character - b.span.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** The same finding twice (a file listed twice, a rule overlap) is shown once. */
export function dedupeProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.file}\u0000${p.span.start.line}:${p.span.start.character}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
