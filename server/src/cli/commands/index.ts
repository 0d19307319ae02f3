// Every command, in the order the help lists them.
import { branches } from './branches';
import { check } from './check';
import { current } from './current';
import { graph } from './graph';
import { heads } from './heads';
import { history } from './history';
import { plan } from './plan';
import { resolve } from './resolve';
import { show } from './show';
import { status } from './status';
import type { CommandDef } from './types';

export const COMMANDS: readonly CommandDef[] = [heads, history, branches, show, check, graph, resolve, plan, current, status];
