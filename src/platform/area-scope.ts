/**
 * Where a caller may read personal data: the whole district, or a list of desa codes (a desa
 * operator's desa, a pillar's kecamatan expanded to its desa). Repositories take it as a required
 * argument and put it into every query, so no read of people or households can leave it out.
 */
export type AreaScope =
  | { readonly all: true }
  | { readonly all: false; readonly desaCodes: readonly string[] };

export const WHOLE_DISTRICT: AreaScope = { all: true };

export function desaScope(desaCodes: readonly string[]): AreaScope {
  return { all: false, desaCodes };
}

/** Builds WHERE clauses with numbered parameters, starting with the area scope. */
export class ScopedWhere {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  constructor(column: string, scope: AreaScope) {
    // An empty list matches nothing: a user without areas sees no one, never everyone.
    if (!scope.all) this.add(`${column} = ANY(?::text[])`, scope.desaCodes);
  }

  /** Adds a clause; each `?` becomes the placeholder of `value`. */
  add(clause: string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
