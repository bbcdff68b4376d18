export { backupContext, backupTables, restoreTables } from './backup.js';
export {
  SENSITIVE_COLUMNS,
  TABLE,
  insertCustomer,
  readAllCustomers,
  readCustomer,
} from './customers.js';
export type { Customer } from './customers.js';
export { rotateCustomerKey } from './rotation.js';
export { createTables } from './schema.js';
export { TableKeys } from './table-keys.js';
export type { DataKey } from './table-keys.js';
export { ValueIntegrityError, openValue, sealValue } from './value-cipher.js';
export type { CellContext } from './value-cipher.js';
