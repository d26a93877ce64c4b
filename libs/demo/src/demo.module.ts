import { Module } from '@nestjs/common';
import { AuthModule } from '@pharmatrace/auth';
import { MasterDataModule } from '@pharmatrace/master-data';
import { DemoSeeder } from './demo-seeder.service';

@Module({
  imports: [AuthModule, MasterDataModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
