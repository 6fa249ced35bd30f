/*
 * A CSV file read the way a spreadsheet reads it (RFC 4180: quoted cells may hold commas, quotes
 * doubled, line breaks), so export tests check cells rather than substrings of lines. csv-parse
 * is not a dependency of the project; this reader is enough for files we write ourselves.
 */

export type Csv = { readonly bom: boolean; readonly header: string[]; readonly rows: Record<string, string>[] };

export function parseCsv(text: string): Csv {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  const lines: string[][] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      lines.push(cells);
      cells = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) lines.push([...cells, cell]);
  const [header = [], ...rows] = lines;
  for (const row of rows) if (row.length !== header.length) throw new Error(`a row has ${row.length} cells, the header ${header.length}: ${row.join(",")}`);
  return { bom, header, rows: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""]))) };
}
