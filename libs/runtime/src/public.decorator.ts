import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'pharmatrace:public';

/** Marks a route that answers without credentials (health, metrics, docs, LVMS connectivity). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
