export const PRODUCT_STATUSES = ['active', 'withdrawn'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Product master data, registered by the brand owner; verification and cold-chain checks read it. */
export interface Product {
  gtin: string;
  ownerGln: string;
  name: string;
  form: string | undefined;
  strength: string | undefined;
  /** National codes such as NDC, PZN, CIP: scheme → code. */
  nationalCodes: Record<string, string>;
  /** Allowed storage range in °C, e.g. 2–8 for a refrigerated product. */
  storageTemperature: { minC: number; maxC: number } | undefined;
  status: ProductStatus;
}
