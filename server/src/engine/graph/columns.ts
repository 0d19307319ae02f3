// What the map builder reads of the loaded revisions, one array per fact (index = load position).
// A cold index has every file's facts in its parse already: building a RevisionInput object per file
// just to copy it into the node made thousands of objects that outlived the young generation and
// then sat in the old one as garbage. Columns let each source hand over its facts without them.
import type { RevisionInput, RevisionNode } from '../types';

export interface RevisionColumns {
  ids: string[];
  /** down_revision as written. */
  down: string[][];
  dependsOn: string[][];
  branchLabels: string[][];
  /** The file input i comes from (duplicate-id issues name the files). */
  fileOf(i: number): string;
  /** Sets the node's file, location, relPath, doc and longdoc from input i (once per node). */
  describe(i: number, node: RevisionNode): void;
}

export function columnsOfInputs(inputs: readonly RevisionInput[]): RevisionColumns {
  const n = inputs.length;
  const ids = new Array<string>(n);
  const down = new Array<string[]>(n);
  const dependsOn = new Array<string[]>(n);
  const branchLabels = new Array<string[]>(n);
  for (let i = 0; i < n; i++) {
    const input = inputs[i];
    ids[i] = input.id;
    down[i] = input.down;
    dependsOn[i] = input.dependsOn;
    branchLabels[i] = input.branchLabels;
  }
  return {
    ids,
    down,
    dependsOn,
    branchLabels,
    fileOf: (i) => inputs[i].file,
    describe: (i, node) => {
      const input = inputs[i];
      node.file = input.file;
      node.location = input.location;
      node.relPath = input.relPath;
      node.doc = input.doc;
      node.longdoc = input.longdoc;
    },
  };
}
