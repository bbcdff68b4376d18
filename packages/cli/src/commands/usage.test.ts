import { describe, expect, it } from 'vitest';
import type { AccountBill } from '@keyhold/metering';
import { billsCsv, billsText } from './usage.js';

const BILL: AccountBill = {
  accountId: '111122223333',
  month: '2026-11',
  lines: [
    { item: 'Customer managed keys', quantity: 1.5, unit: 'key-months', cost: 1.5 },
    {
      item: 'Requests: CryptographicOperationsSymmetric',
      quantity: 30_000,
      unit: 'requests',
      cost: 0.03,
    },
    { item: 'Free tier requests', quantity: 20_000, unit: 'requests', cost: 0 },
  ],
  total: 1.53,
};

describe('usage report output', () => {
  it('prints a table per account with a total', () => {
    expect(billsText([BILL]).split('\n')).toEqual([
      'account 111122223333, 2026-11',
      'item                                        quantity  unit          cost',
      '------------------------------------------  --------  ----------  ------',
      'Customer managed keys                       1.500000  key-months  1.5000',
      'Requests: CryptographicOperationsSymmetric     30000  requests    0.0300',
      'Free tier requests                             20000  requests    0.0000',
      'Total                                                             1.5300',
    ]);
    expect(billsText([])).toBe('no usage in this month');
  });

  it('prints CSV: every line, then the account total', () => {
    expect(billsCsv([BILL]).split('\n')).toEqual([
      'account,month,item,quantity,unit,cost',
      '111122223333,2026-11,Customer managed keys,1.5,key-months,1.5',
      '111122223333,2026-11,Requests: CryptographicOperationsSymmetric,30000,requests,0.03',
      '111122223333,2026-11,Free tier requests,20000,requests,0',
      '111122223333,2026-11,Total,,,1.53',
    ]);
  });
});
