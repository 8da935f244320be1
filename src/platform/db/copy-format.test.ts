import { describe, expect, it } from 'vitest';
import { encodeCopyText } from './copy-format.ts';

describe('COPY text encoding', () => {
  it('escapes separators and marks NULL', () => {
    expect(encodeCopyText([['a\tb', null, 'line\nbreak', 'back\\slash', 3]])).toBe(
      'a\\tb\t\\N\tline\\nbreak\tback\\\\slash\t3\n',
    );
  });

  it('writes arrays as array literals and objects as JSON', () => {
    expect(encodeCopyText([[['x', 'y"z'], { sapi: 2 }]])).toBe('{"x","y\\\\"z"}\t{"sapi":2}\n');
  });

  it('writes nothing for no rows', () => {
    expect(encodeCopyText([])).toBe('');
  });
});
