/** One Server-Sent Event: its type (`"message"` unless the server named it), its data and the last event id. */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
  readonly id: string;
}

const LF = 10;
const CR = 13;

/**
 * An incremental parser of a `text/event-stream` body, as the HTML standard describes it: feed it
 * the bytes as they arrive, split anywhere (inside a line, between `\r` and `\n`, inside a UTF-8
 * character), and it returns the events completed so far. Comment lines (`: heartbeat`) are skipped,
 * `data:` lines are joined with `\n`, and an event whose blank line never arrived is dropped.
 * @example
 * const parser = new SseParser();
 * for await (const chunk of response.body) for (const message of parser.feed(chunk)) handle(message.data);
 */
export class SseParser {
  /** The reconnection delay the server asked for with `retry:`, in milliseconds. */
  retry: number | undefined;
  // Strips a leading BOM and keeps a UTF-8 character split across chunks for the next one.
  readonly #decoder = new TextDecoder();
  /** The unfinished last line; it contains no line break. */
  #line = "";
  /** The previous chunk ended with `\r`: a `\n` starting this one belongs to that line break. */
  #afterCR = false;
  #data: string[] = [];
  #event = "";
  #lastId = "";

  /** Parses the next chunk of the body and answers the events it completed. */
  feed(chunk: Uint8Array): SseMessage[] {
    let text = this.#decoder.decode(chunk, { stream: true });
    if (text.length === 0) return [];
    if (this.#afterCR && text.charCodeAt(0) === LF) text = text.slice(1);
    this.#afterCR = false;
    const buffer = this.#line + text;
    const messages: SseMessage[] = [];
    let start = 0;
    for (let index = this.#line.length; index < buffer.length; index++) {
      const char = buffer.charCodeAt(index);
      if (char !== LF && char !== CR) continue;
      this.#processLine(buffer.slice(start, index), messages);
      if (char === CR) {
        if (index + 1 === buffer.length) this.#afterCR = true;
        else if (buffer.charCodeAt(index + 1) === LF) index++;
      }
      start = index + 1;
    }
    this.#line = buffer.slice(start);
    return messages;
  }

  #processLine(line: string, messages: SseMessage[]): void {
    if (line === "") return this.#dispatch(messages);
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.#data.push(value);
        break;
      case "event":
        this.#event = value;
        break;
      case "id":
        if (!value.includes("\0")) this.#lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      // other fields are ignored, as the standard says
    }
  }

  #dispatch(messages: SseMessage[]): void {
    if (this.#data.length > 0) {
      messages.push({ event: this.#event || "message", data: this.#data.join("\n"), id: this.#lastId });
    }
    this.#data = [];
    this.#event = "";
  }
}
