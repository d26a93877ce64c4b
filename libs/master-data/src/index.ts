export * from './product';
export * from './product.repository';
export * from './product.service';
export * from './master-data.module';
export * from './prefix-directory.service';
