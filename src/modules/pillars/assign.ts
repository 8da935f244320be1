/** A task waiting for a pillar, and a pillar who could take it. */
export interface OpenTask {
  id: number;
  desaCode: string;
}

export interface Candidate {
  id: number;
  /** The desa the member covers (a kecamatan already expanded to its desa). */
  desaCodes: readonly string[];
  /** Open tasks the member holds now. */
  load: number;
}

/**
 * Gives each task to the least-loaded member who covers its desa (ties to the lower id), counting
 * each assignment into the load at once, so a batch spreads evenly. Tasks no member covers stay out.
 */
export function balanceAssignments(
  tasks: readonly OpenTask[],
  candidates: readonly Candidate[],
): Map<number, number> {
  const load = new Map(candidates.map((c) => [c.id, c.load]));
  const byDesa = new Map<string, number[]>();
  for (const c of candidates) {
    for (const desa of c.desaCodes) {
      const list = byDesa.get(desa) ?? [];
      list.push(c.id);
      byDesa.set(desa, list);
    }
  }
  const result = new Map<number, number>();
  for (const task of tasks) {
    const members = byDesa.get(task.desaCode);
    if (!members) continue;
    let best = members[0] as number;
    for (const id of members) {
      const l = load.get(id) as number;
      const b = load.get(best) as number;
      if (l < b || (l === b && id < best)) best = id;
    }
    load.set(best, (load.get(best) as number) + 1);
    result.set(task.id, best);
  }
  return result;
}
