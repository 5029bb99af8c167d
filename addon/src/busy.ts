/**
 * How the server says the document lock stayed taken (another rep's action is running). The sidebar
 * recognises it, says so, and tries the same request again, with the same RequestID, so a try that
 * did land is never applied twice. A file of its own so the sidebar's bundle takes nothing else.
 */
export const BUSY_MESSAGE = 'Another Backorder Desk action is running on this spreadsheet';
