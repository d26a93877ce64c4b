import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentParticipant, Roles, type Participant } from '@pharmatrace/auth';
import { HttpProblem } from '@pharmatrace/runtime';
import { PRODUCT_STATUSES, type Product, type ProductStatus } from './product';
import { RegisterProductDto } from './product.dto';
import { ProductRepository } from './product.repository';
import { ProductService } from './product.service';

@ApiTags('master data')
@ApiBearerAuth()
@Controller('v1/products')
export class ProductController {
  constructor(
    private readonly service: ProductService,
    private readonly products: ProductRepository,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('manufacturer')
  @ApiOperation({ summary: 'Register or update a product (brand owner only)' })
  @ApiBody({ type: RegisterProductDto })
  register(@CurrentParticipant() owner: Participant, @Body() body: unknown): Promise<Product> {
    return this.service.register(owner, body);
  }

  @Get()
  @ApiOperation({ summary: 'List products, optionally by owner GLN and status' })
  list(@Query('owner') owner?: string, @Query('status') status?: string): Promise<Product[]> {
    if (status !== undefined && !PRODUCT_STATUSES.includes(status as ProductStatus)) {
      throw HttpProblem.badRequest('BAD_QUERY', `status must be one of ${PRODUCT_STATUSES.join(', ')}`);
    }
    return this.products.list({ ownerGln: owner, status: status as ProductStatus | undefined });
  }

  @Get(':gtin')
  @ApiOperation({ summary: 'One product by GTIN-14' })
  get(@Param('gtin') gtin: string): Promise<Product> {
    return this.service.get(gtin);
  }
}
