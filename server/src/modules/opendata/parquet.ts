/**
 * A dataset as an Apache Parquet file: the published rows appended into a throwaway in-memory DuckDB
 * table typed from the dataset's fields, written with `COPY … TO … (FORMAT parquet)` into a private
 * temporary directory, handed out as a stream and removed once read.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import type { Dataset, Field, Row } from './datasets.js';

const SQL_TYPE: Record<Field['type'], string> = { text: 'VARCHAR', int: 'BIGINT', numeric: 'DOUBLE', bool: 'BOOLEAN' };

function append(appender: DuckDBAppender, field: Field, v: Row[string]): void {
  if (v === null || v === undefined) return appender.appendNull();
  if (field.type === 'int') return appender.appendBigInt(BigInt(v as number));
  if (field.type === 'numeric') return appender.appendDouble(Number(v));
  if (field.type === 'bool') return appender.appendBoolean(Boolean(v));
  return appender.appendVarchar(String(v));
}

/** The Parquet file of `rows` as a stream; the file is deleted when the stream closes (read to the end or not). */
export async function parquetStream(dataset: Dataset, rows: Row[]): Promise<ReadStream> {
  const dir = await mkdtemp(join(tmpdir(), 'tongban-parquet-'));
  try {
    const file = join(dir, `${dataset.name}.parquet`);
    const instance = await DuckDBInstance.create(':memory:');
    try {
      const conn = await instance.connect();
      await conn.run(`CREATE TABLE d (${dataset.fields.map((f) => `"${f.id}" ${SQL_TYPE[f.type]}`).join(', ')})`);
      const appender = await conn.createAppender('d');
      for (const row of rows) {
        for (const f of dataset.fields) append(appender, f, row[f.id] ?? null);
        appender.endRow();
      }
      appender.closeSync();
      await conn.run(`COPY d TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
      conn.closeSync();
    } finally {
      instance.closeSync();
    }
    const stream = createReadStream(file);
    stream.on('close', () => void rm(dir, { recursive: true, force: true }).catch(() => undefined));
    return stream;
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
