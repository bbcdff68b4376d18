import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('pads columns to their widest cell, numbers on the right', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [
          ['a', '1'],
          ['bbbbbb', '100'],
        ],
        ['left', 'right'],
      ),
    ).toBe(['name      n', '------  ---', 'a         1', 'bbbbbb  100'].join('\n'));
  });
});
