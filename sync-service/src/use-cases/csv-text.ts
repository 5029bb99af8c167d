/**
 * CSV text as every Node edge writes it (RFC 4180, CRLF between records): csv-stringify quotes a field
 * with the delimiter, a quote or the record delimiter, but not a bare line feed or carriage return when
 * records end in CRLF, so a customer name typed on two lines would start a new row. Every field with a
 * line break is quoted too.
 */
import { stringify } from 'csv-stringify/sync';

export function csvText(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
