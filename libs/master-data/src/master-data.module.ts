import { Module } from '@nestjs/common';
import { AuthModule } from '@pharmatrace/auth';
import { LabelController } from './label.controller';
import { ProductController } from './product.controller';
import { ProductRepository } from './product.repository';
import { ProductService } from './product.service';
import { PrefixDirectory } from './prefix-directory.service';

@Module({
  imports: [AuthModule],
  controllers: [ProductController, LabelController],
  providers: [ProductRepository, ProductService, PrefixDirectory],
  exports: [ProductRepository, PrefixDirectory],
})
export class MasterDataModule {}
