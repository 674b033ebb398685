import { Session } from "../../../kernel/runner/protocol";

describe("Session", () => {
  it("signs with HMAC-SHA256 over the concatenated parts (RFC 4231 test case 2)", () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?"
    const expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    expect(new Session("Jefe").sign(["what do ya want ", "for nothing?"])).toBe(expected);
    expect(new Session("").sign(["anything"])).toBe(""); // an empty key disables signing
  });
  it("round-trips a message through the wire frames, with identities before the delimiter", () => {
    const s = new Session("secret");
    const msg = s.message("execute_request", { code: "1 + 1" });
    const frames = [Buffer.from("identity"), ...s.serialize(msg).map((f) => Buffer.from(f))];
    const back = s.deserialize(frames);
    expect(back.header).toEqual(msg.header);
    expect(back.content).toEqual({ code: "1 + 1" });
    expect(msg.header).toMatchObject({
      msg_type: "execute_request",
      version: "5.3",
      session: s.id,
    });
  });
  it("rejects a tampered message and a message without the delimiter", () => {
    const s = new Session("secret");
    const frames = s.serialize(s.message("x", { a: 1 })).map((f) => Buffer.from(f));
    frames[5] = Buffer.from(JSON.stringify({ a: 2 }));
    expect(() => s.deserialize(frames)).toThrow("jupyter protocol: invalid HMAC signature");
    expect(() => new Session("k").deserialize(frames.slice(1))).toThrow(
      "without the <IDS|MSG> delimiter",
    );
  });
});
