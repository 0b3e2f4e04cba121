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
  /**
   * The key that signs tokens. Unset → one is generated at first start and kept in the database,
   * shared by every process on it (`pnpm --filter @countertop/sync-server rotate-key` rotates it).
   */
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** During a rotation of JWT_SECRET: the previous secrets, comma-separated, still accepted (never used to sign). */
  JWT_PREVIOUS_SECRETS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(32, "each previous secret must be at least 32 characters"))),
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
  /** How long an online checkout holds its stock while the payment is taken; then the sweep settles it. */
  CHECKOUT_HOLD_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** How long the outbox worker owns a job it took; a process that dies with it leaves it to another after this. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How often each process looks for due outbox jobs and expired checkouts. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  /** On SIGTERM, how long requests in flight may take to finish before their connections are closed. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** Send mail through this SMTP server (`smtp://user:pass@host:587`, `smtps://…:465`); unset → .eml files in DATA_DIR/mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The From of every email the server sends. */
  MAIL_FROM: z.string().min(3).default("Countertop <receipts@countertop.invalid>"),
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
  return parsed.data;
}
