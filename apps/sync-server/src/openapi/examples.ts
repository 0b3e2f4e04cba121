/** Ids the examples share, so they read as one story. */
export const EX = {
  tenantId: "0193a3c4-5d6e-7f80-9a1b-2c3d4e5f6071",
  userId: "0193a3c4-5d6e-7f80-9a1b-2c3d4e5f6072",
  deviceId: "0193a3c4-5d6e-7f80-9a1b-2c3d4e5f6073",
  saleId: "0193a3c4-5d6e-7f80-9a1b-2c3d4e5f6074",
  time: "2026-11-29T09:30:00.000Z",
  token: "eyJhbGciOiJIUzI1NiJ9.eyJraW5kIjoibWFuYWdlciJ9.c2lnbmF0dXJl",
} as const;
