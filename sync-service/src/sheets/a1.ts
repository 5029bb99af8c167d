/**
 * Sheet names in A1 ranges as the Sheets API port sends them: always quoted, since an unquoted
 * "Log" or "POs" could read as a column reference; an apostrophe in a name is doubled.
 */
export const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
