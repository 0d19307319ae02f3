// The example projects of the semantics doc (/work/shared/alembic-semantics.md), in load order (sorted
// file names). Expectations in the tests come from real Alembic 1.8.1 runs with sorted loading, with the
// newest Alembic's row rule patched in where the two differ (see plan.test.ts).
import { revs } from '../helpers/revs';

export const A1 = 'a1a1a1a1a1a1';
export const B2 = 'b2b2b2b2b2b2';
export const C3 = 'c3c3c3c3c3c3';
export const D4 = 'd4d4d4d4d4d4';
export const E5 = 'e5e5e5e5e5e5';
export const F6 = 'f6f6f6f6f6f6';

/** p1: a1 -> b2 -> {c3, d4} -> e5 = merge(d4, c3) -> f6. */
export const p1 = () =>
  revs(
    `${A1} : create users`,
    `${B2} <- ${A1} : add email`,
    `${C3} <- ${B2} : branch one`,
    `${D4} <- ${B2} : branch two`,
    `${E5} <- ${D4}, ${C3} : merge c3 and d4`,
    `${F6} <- ${E5} : after merge`,
  );

/** p2: core c1 -> c2 -> c3; plugin p1 -> p2 (depends on c3) -> p3 (depends on the label core). */
export const p2 = () =>
  revs(
    'c1000000 [core]',
    'c2000000 <- c1000000',
    'c3000000 <- c2000000',
    'p1000000 [plugin]',
    'p2000000 <- p1000000 {c3000000}',
    'p3000000 <- p2000000 {core}',
  );

/** p2 later: m1 (label more, depends on c2 and core) on top of p3, then m2. */
export const p2m = () =>
  revs(
    'c1000000 [core]',
    'c2000000 <- c1000000',
    'c3000000 <- c2000000',
    'm1000000 <- p3000000 [more] {c2000000, core}',
    'm2000000 <- m1000000',
    'p1000000 [plugin]',
    'p2000000 <- p1000000 {c3000000}',
    'p3000000 <- p2000000 {core}',
  );

/** p4: r1 -> r2 (label mid) -> r3, plus r1 -> r4. */
export const p4 = () => revs('r1r1r1r1', 'r2r2r2r2 <- r1r1r1r1 [mid]', 'r3r3r3r3 <- r2r2r2r2', 'r4r4r4r4 <- r1r1r1r1');

/** p4 before r4 was added: linear. */
export const p4linear = () => revs('r1r1r1r1', 'r2r2r2r2 <- r1r1r1r1 [mid]', 'r3r3r3r3 <- r2r2r2r2');
