import { describe, expect, it } from 'vitest';
import { apiQuery, filterFromParams, filterToParams } from './taskFilter.ts';

describe('the task list filter in the address', () => {
  it('starts at open tasks', () => {
    expect(filterFromParams(new URLSearchParams())).toEqual({
      status: 'open',
      kind: '',
      overdue: false,
      unassigned: false,
    });
  });

  it('survives a round trip through the address', () => {
    const filter = { status: 'visited', kind: 'alive', overdue: true, unassigned: true };
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
  });

  it('asks the API for every status when "all" is chosen, and leaves out what is not set', () => {
    expect(apiQuery({ status: 'all', kind: '', overdue: false, unassigned: true })).toEqual({
      status: undefined,
      kind: undefined,
      overdue: undefined,
      unassigned: 'true',
    });
  });
});
