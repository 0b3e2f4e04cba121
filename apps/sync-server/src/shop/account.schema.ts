import { emailSchema, nameSchema } from "@countertop/sync-protocol";
import { z } from "zod";

const passwordSchema = z.string().min(8, "use at least 8 characters").max(200);

/** `POST /api/v1/shop/{slug}/account`: a shopper's sign-up; the account exists once they follow the emailed link. */
export const shopperSignUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

/** `POST /api/v1/shop/{slug}/account/confirm`: the token of the emailed link. */
export const shopperConfirmSchema = z.strictObject({ token: z.string().min(1).max(4000) });

/** `POST /api/v1/shop/{slug}/account/session`: a shopper's sign-in. */
export const shopperSignInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
