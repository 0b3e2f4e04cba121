import { z } from "zod";

/**
 * The server's whole configuration, read from the environment here and nowhere else.
 * Every other module receives the parsed `Env` as an argument.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Unset → embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Connections to PostgreSQL. Pushes of one shop queue on its row lock while holding one, so keep it above the number of busy shops. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Unset in development → generated once and kept in DATA_DIR. Required in production. */
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SEED_DEMO: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /** Where the built PWAs live; defaults to the workspace's apps/<name>/dist. */
  STATIC_ROOT: z.string().optional(),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  /** Live streams one till or session may hold open at once; past it, 429. */
  STREAMS_PER_CALLER: z.coerce.number().int().min(1).max(1000).default(8),
  /** Live streams one shop may hold open at once. */
  STREAMS_PER_SHOP: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  /**
   * Where the console's domain check sends its request (`address:port`, with the shop's host name
   * in the Host header), e.g. the load balancer in front of the servers; unset → the host name itself.
   */
  DOMAIN_CHECK_VIA: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/, "must be address:port")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Set only when a reverse proxy in front of the server sets X-Forwarded-For: the client address is read from it. */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
});

export type Env = z.infer<typeof envSchema>;

/** Parses `source` (normally `process.env`); throws one readable message listing every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && !env.JWT_SECRET) {
    throw new Error("Invalid environment:\n  JWT_SECRET: required when NODE_ENV=production");
  }
  return env;
}
