import type { Model } from './model.js';

/**
 * Orders derived figures so that each comes after the figures it uses,
 * keeping the file's order wherever the dependencies allow. When figures use
 * each other in a circle, returns the circle, closed: [a, b, a]. Iterative
 * depth-first search, so a chain of 100,000 figures needs no deep stack.
 */
export function orderFigures(deps: ReadonlyMap<string, readonly string[]>): { order: string[] } | { cycle: string[] } {
  const done = new Set<string>();
  const onPath = new Map<string, number>();
  const order: string[] = [];
  for (const start of deps.keys()) {
    if (done.has(start)) continue;
    const stack: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    onPath.set(start, 0);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const uses = deps.get(top.name)!;
      if (top.next < uses.length) {
        const dep = uses[top.next++]!;
        if (!deps.has(dep) || done.has(dep)) continue;
        const at = onPath.get(dep);
        if (at !== undefined) return { cycle: [...stack.slice(at).map((s) => s.name), dep] };
        onPath.set(dep, stack.length);
        stack.push({ name: dep, next: 0 });
      } else {
        stack.pop();
        onPath.delete(top.name);
        done.add(top.name);
        order.push(top.name);
      }
    }
  }
  return { order };
}

/**
 * The named figures and everything they use; a pinned figure uses nothing.
 * A loop over a stack, not a recursion: a chain as long as the 1 MB file limit
 * allows (about 33,000 formulas) needs no deep stack.
 */
export function figuresBehind(model: Model, names: readonly string[], pinned: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const stack = [...names];
  while (stack.length) {
    const n = stack.pop()!;
    if (out.has(n)) continue;
    out.add(n);
    if (!pinned.has(n)) for (const u of model.byName.get(n)?.uses ?? []) stack.push(u);
  }
  return out;
}
