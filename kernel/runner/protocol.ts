/**
 * The Jupyter messaging protocol, version 5.3: message headers, HMAC-SHA256 signatures and the
 * multipart wire format `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata,
 * content, buffers…]`.
 * @see https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol
 */
import { createHmac, randomUUID, timingSafeEqual } from "crypto";

export const PROTOCOL_VERSION = "5.3";
const DELIMITER = "<IDS|MSG>";

export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export interface Message<C = Record<string, unknown>> {
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: C;
  buffers: Buffer[];
}

/** Creates messages for one client session and signs, verifies and parses wire frames. */
export class Session {
  readonly id = randomUUID();
  private counter = 0;

  constructor(
    private readonly key: string,
    private readonly username = "itolab-runner",
  ) {}

  message<C>(msgType: string, content: C): Message<C> {
    return {
      header: {
        msg_id: `${this.id}_${++this.counter}`,
        session: this.id,
        username: this.username,
        date: new Date().toISOString(),
        msg_type: msgType,
        version: PROTOCOL_VERSION,
      },
      parent_header: {},
      metadata: {},
      content,
      buffers: [],
    };
  }

  /** The HMAC-SHA256 hex digest of the four JSON parts (empty when the key is empty). */
  sign(parts: readonly (string | Buffer)[]): string {
    if (this.key === "") return "";
    const hmac = createHmac("sha256", this.key);
    for (const p of parts) hmac.update(p);
    return hmac.digest("hex");
  }

  /** Serialise a message to the frames a DEALER socket sends (no identities). */
  serialize(msg: Message<unknown>): (string | Buffer)[] {
    const parts = [msg.header, msg.parent_header, msg.metadata, msg.content].map((p) =>
      JSON.stringify(p),
    );
    return [DELIMITER, this.sign(parts), ...parts, ...msg.buffers];
  }

  /** Parse received frames; throws when the delimiter is missing or the signature is wrong. */
  deserialize(frames: readonly Buffer[]): Message {
    const at = frames.findIndex((f) => f.toString() === DELIMITER);
    if (at < 0 || frames.length < at + 6) {
      throw new Error("jupyter protocol: message without the <IDS|MSG> delimiter or parts");
    }
    const signature = frames[at + 1].toString();
    const parts = frames.slice(at + 2, at + 6);
    const expected = this.sign(parts);
    if (
      expected.length !== signature.length ||
      !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
    ) {
      throw new Error("jupyter protocol: invalid HMAC signature on a message from the kernel");
    }
    const [header, parent, metadata, content] = parts.map((p) => JSON.parse(p.toString()));
    return { header, parent_header: parent, metadata, content, buffers: frames.slice(at + 6) };
  }
}
