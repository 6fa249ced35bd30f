import type { Client } from "@colyseus/core";
import { CLOSE_CODES } from "../../shared/protocol/join.js";
import type { ServerConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { decodable } from "./decodable.js";
import { MessageBudget } from "./messageBudget.js";

/** Why a frame was turned away; the room words it with its own error code. */
export type FrameRefusal = "rate_limited" | "bad_payload";

/**
 * What a room lets through to Colyseus (installed with screenFrames, colyseusInternals.ts). Every
 * frame spends from its connection's message budget: a connection over it is told why and closed,
 * and its remaining frames are dropped unread. Then the frame must decode: one that does not is
 * answered with an error and the player stays connected.
 */
export class FrameScreen {
  private readonly budget: MessageBudget;
  /** Connections being closed for flooding. */
  private readonly closing = new WeakSet<Client>();

  constructor(
    config: Pick<ServerConfig, "MESSAGE_RATE" | "MESSAGE_BURST">,
    private readonly log: Logger,
    private readonly refuse: (client: Client, why: FrameRefusal, text: string) => void,
  ) {
    this.budget = new MessageBudget(config.MESSAGE_RATE, config.MESSAGE_BURST);
  }

  /** Whether Colyseus may handle this frame. */
  admit(client: Client, buffer: Buffer): boolean {
    if (this.closing.has(client)) return false;
    if (!this.budget.take(client.sessionId, Date.now())) {
      this.closing.add(client);
      this.log.warn({ session: client.sessionId }, "message budget exceeded: closing the connection");
      this.refuse(client, "rate_limited", "Too many messages: this connection is being closed.");
      client.leave(CLOSE_CODES.rateLimited, "rate limited");
      return false;
    }
    if (decodable(buffer)) return true;
    this.refuse(client, "bad_payload", "The message could not be decoded; nothing changed.");
    return false;
  }

  /** The connection is gone: its budget goes with it. */
  forget(client: Client): void {
    this.budget.forget(client.sessionId);
  }
}
