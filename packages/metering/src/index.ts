export { parseMonth, hoursTouched } from './month.js';
export type { BillingMonth } from './month.js';
export { PRICED_ROTATIONS, keyHours } from './key-months.js';
export type { KeyChange, KeyChangeType, KeyHistory, KeyMonths } from './key-months.js';
export { requestClassOf, requestsByClass } from './requests.js';
export type { RequestCount } from './requests.js';
export { DEFAULT_PRICES, computeBills } from './bill.js';
export type { AccountBill, BillLine, Prices, UsageInput } from './bill.js';
