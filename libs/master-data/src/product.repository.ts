import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { Product, ProductStatus } from './product';

interface ProductRow {
  gtin: string;
  owner_gln: string;
  name: string;
  form: string | null;
  strength: string | null;
  national_codes: Record<string, string>;
  min_temp_c: string | null;
  max_temp_c: string | null;
  status: ProductStatus;
}

function toProduct(row: ProductRow): Product {
  return {
    gtin: row.gtin,
    ownerGln: row.owner_gln,
    name: row.name,
    form: row.form ?? undefined,
    strength: row.strength ?? undefined,
    nationalCodes: row.national_codes,
    storageTemperature:
      row.min_temp_c !== null && row.max_temp_c !== null
        ? { minC: Number(row.min_temp_c), maxC: Number(row.max_temp_c) }
        : undefined,
    status: row.status,
  };
}

@Injectable()
export class ProductRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  async find(gtin: string): Promise<Product | undefined> {
    const rows = await this.sql.query<ProductRow>(`select * from products where gtin = $1`, [gtin]);
    return rows[0] ? toProduct(rows[0]) : undefined;
  }

  async findMany(gtins: readonly string[]): Promise<Map<string, Product>> {
    if (gtins.length === 0) return new Map();
    const rows = await this.sql.query<ProductRow>(`select * from products where gtin = any($1)`, [
      [...new Set(gtins)],
    ]);
    return new Map(rows.map((row) => [row.gtin, toProduct(row)]));
  }

  async list(filter: { ownerGln?: string; status?: ProductStatus }): Promise<Product[]> {
    const rows = await this.sql.query<ProductRow>(
      `select * from products where ($1::text is null or owner_gln = $1) and ($2::text is null or status = $2)
       order by gtin limit 1000`,
      [filter.ownerGln ?? null, filter.status ?? null],
    );
    return rows.map(toProduct);
  }

  /** Registers or updates a product; the owner never changes once set. */
  async save(product: Product): Promise<void> {
    await this.sql.query(
      `insert into products (gtin, owner_gln, name, form, strength, national_codes, min_temp_c, max_temp_c, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (gtin) do update set name = excluded.name, form = excluded.form, strength = excluded.strength,
         national_codes = excluded.national_codes, min_temp_c = excluded.min_temp_c,
         max_temp_c = excluded.max_temp_c, status = excluded.status, updated_at = now()
       where products.owner_gln = excluded.owner_gln`,
      [
        product.gtin,
        product.ownerGln,
        product.name,
        product.form ?? null,
        product.strength ?? null,
        JSON.stringify(product.nationalCodes),
        product.storageTemperature?.minC ?? null,
        product.storageTemperature?.maxC ?? null,
        product.status,
      ],
    );
  }
}
