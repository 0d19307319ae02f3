// Which of a set of revisions lie on a loop: Tarjan's strongly connected components, iterative so a
// 50k-revision chain does not overflow the stack.

/** The members of `ids` that belong to a loop within `ids` (a component of 2+, or an edge to itself), in `ids` order. */
export function loopMembers(ids: readonly string[], edges: (id: string) => readonly string[]): string[] {
  const inSet = new Set(ids);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const looping = new Set<string>();
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number; out: string[] }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, out: edges(id).filter((e) => inSet.has(e)) });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.next < frame.out.length) {
        const to = frame.out[frame.next++];
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        if (component.length > 1 || frame.out.includes(frame.id)) for (const m of component) looping.add(m);
      }
    }
  }
  return ids.filter((id) => looping.has(id));
}
