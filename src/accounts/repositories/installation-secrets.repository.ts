import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf, stringColumn } from '../../database/sql-result';

/** The installation_secret table. */
@Injectable()
export class InstallationSecretsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores `secret` under `name` unless one is stored already (the first writer wins). */
  async insertIfAbsent(name: string, secret: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO installation_secret (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      secret,
    ]);
  }

  async find(name: string): Promise<string | null> {
    const [row] = rowsOf(await this.dataSource.query(`SELECT secret FROM installation_secret WHERE name = $1`, [name]));
    return row ? stringColumn(row, 'secret') : null;
  }
}
