import { describe, expect, it } from 'vitest';
import { balanceAssignments, type Candidate, type OpenTask } from './assign.ts';

const tasks = (desa: string, ids: number[]): OpenTask[] => ids.map((id) => ({ id, desaCode: desa }));

describe('balanceAssignments', () => {
  it('spreads a batch evenly, counting each assignment into the load at once', () => {
    const pool: Candidate[] = [
      { id: 1, desaCodes: ['A'], load: 0 },
      { id: 2, desaCodes: ['A'], load: 0 },
      { id: 3, desaCodes: ['A'], load: 0 },
    ];
    const chosen = balanceAssignments(tasks('A', [10, 11, 12, 13, 14, 15]), pool);
    const count = (member: number) => [...chosen.values()].filter((m) => m === member).length;
    expect([count(1), count(2), count(3)]).toEqual([2, 2, 2]);
  });

  it('starts from the open load each member holds', () => {
    const pool: Candidate[] = [
      { id: 1, desaCodes: ['A'], load: 3 },
      { id: 2, desaCodes: ['A'], load: 0 },
    ];
    const chosen = balanceAssignments(tasks('A', [10, 11, 12, 13, 14]), pool);
    // Member 2 takes three to catch up, then the two alternate starting with the lower id.
    expect([...chosen]).toEqual([
      [10, 2],
      [11, 2],
      [12, 2],
      [13, 1],
      [14, 2],
    ]);
  });

  it('breaks ties to the lower member id, whatever order the candidates come in', () => {
    const pool: Candidate[] = [
      { id: 9, desaCodes: ['A'], load: 1 },
      { id: 4, desaCodes: ['A'], load: 1 },
      { id: 7, desaCodes: ['A'], load: 1 },
    ];
    expect(balanceAssignments(tasks('A', [10]), pool).get(10)).toBe(4);
  });

  it('gives a task only to members covering its desa and leaves out tasks nobody covers', () => {
    const pool: Candidate[] = [
      { id: 1, desaCodes: ['A', 'B'], load: 5 },
      { id: 2, desaCodes: ['B'], load: 0 },
    ];
    const chosen = balanceAssignments([...tasks('A', [10]), ...tasks('B', [11]), ...tasks('C', [12])], pool);
    expect([...chosen]).toEqual([
      [10, 1],
      [11, 2],
    ]);
  });

  it('assigns nothing without candidates', () => {
    expect(balanceAssignments(tasks('A', [10, 11]), []).size).toBe(0);
  });
});
