import { z } from "zod";
import { createWorkshopRequestSchema } from "../../shared/protocol/workshop.js";
import type { SecretHash } from "../storage/secrets.js";

/**
 * What a WorkshopRoom is created from (matchMaker.createRoom options), built only by
 * openWorkshop and validated again in onCreate. The facilitator secret arrives as its hash.
 */
export const workshopSpecSchema = z.strictObject({
  request: createWorkshopRequestSchema,
  facilitatorHash: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest").transform((h) => h as SecretHash),
});

export type WorkshopSpec = z.output<typeof workshopSpecSchema>;
