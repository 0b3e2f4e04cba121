/** A cell of a CSV file. */
export type CsvCell = string | number | null | undefined;

/**
 * A cell as CSV writes it: quoted when it holds a comma, quote or line break; text starting with =,
 * +, - or @ is defused with a leading apostrophe (spreadsheet formulas), a negative number is not.
 */
function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const formula = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(?:\.\d+)?$/.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Rows as CSV text (RFC 4180, CRLF line ends), with a header row first.
 * @example
 * toCsv(["sku", "qty"], [["MUG-1", 2]]) // "sku,qty\r\nMUG-1,2\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Money in minor units as a plain decimal for spreadsheets (`1234` → `12.34` with 2 decimals). */
export function decimal(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** The currency's number of decimals (`EUR` 2, `JPY` 0), as `Intl` knows it. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Saves text as a file the browser downloads. */
export function download(filename: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
