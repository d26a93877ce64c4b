import { Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { HttpProblem } from '@pharmatrace/runtime';
import type { Product } from './product';
import { validateProduct } from './product.dto';
import { ProductRepository } from './product.repository';

@Injectable()
export class ProductService {
  constructor(private readonly products: ProductRepository) {}

  /** Only the owner of the GTIN's company prefix may register or change its product. */
  async register(owner: Participant, body: unknown): Promise<Product> {
    const valid = validateProduct(body);
    const ownsPrefix = owner.companyPrefixes.some((prefix) => valid.gtin.slice(1).startsWith(prefix));
    if (!ownsPrefix) {
      throw HttpProblem.forbidden(
        `GTIN ${valid.gtin} is not under your GS1 company prefixes (${owner.companyPrefixes.join(', ') || 'none'})`,
      );
    }
    const existing = await this.products.find(valid.gtin);
    if (existing && existing.ownerGln !== owner.gln) {
      throw HttpProblem.conflict(
        'PRODUCT_OWNED_ELSEWHERE',
        `GTIN ${valid.gtin} is registered by another participant`,
      );
    }
    const product: Product = { ...valid, ownerGln: owner.gln, status: existing?.status ?? 'active' };
    await this.products.save(product);
    return product;
  }

  async get(gtin: string): Promise<Product> {
    const product = /^\d{14}$/.test(gtin) ? await this.products.find(gtin) : undefined;
    if (!product) throw HttpProblem.notFound('UNKNOWN_PRODUCT', `no product with GTIN ${gtin}`);
    return product;
  }
}
